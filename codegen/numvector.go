package codegen

import (
	"strconv"

	"github.com/dave/jennifer/jen"
	"github.com/lambdust/lambdust/rt"
)

// This file emits SRFI 4 homogeneous vector constants (#f64(...) and the
// other kinds but #u8, which is a bytevector) as a call of the kind's
// constructor on a Go slice literal of its element type.

// numVectorConstant returns the expression that builds v, or false when v
// is not a homogeneous vector.
func numVectorConstant(v rt.Value) (jen.Code, bool) {
	var elemType jen.Code
	var elems []jen.Code
	switch rt.NumVectorTag(v) {
	case "s8":
		elemType, elems = jen.Int8(), intLits(v.S8Vector().Data())
	case "u16":
		elemType, elems = jen.Uint16(), intLits(v.U16Vector().Data())
	case "s16":
		elemType, elems = jen.Int16(), intLits(v.S16Vector().Data())
	case "u32":
		elemType, elems = jen.Uint32(), intLits(v.U32Vector().Data())
	case "s32":
		elemType, elems = jen.Int32(), intLits(v.S32Vector().Data())
	case "s64":
		elemType, elems = jen.Int64(), intLits(v.S64Vector().Data())
	case "u64":
		elemType = jen.Uint64()
		for _, x := range v.U64Vector().Data() {
			elems = append(elems, jen.Id(strconv.FormatUint(x, 10)))
		}
	case "f32":
		// Each element converts exactly: a float32 is a float64 literal
		// with no rounding.
		elemType = jen.Float32()
		for _, x := range v.F32Vector().Data() {
			elems = append(elems, jen.Float32().Call(floatLit(float64(x))))
		}
	case "f64":
		elemType = jen.Float64()
		for _, x := range v.F64Vector().Data() {
			elems = append(elems, floatLit(x))
		}
	default:
		return nil, false
	}
	ctor := "New" + map[string]string{"s8": "S8", "u16": "U16", "s16": "S16", "u32": "U32",
		"s32": "S32", "u64": "U64", "s64": "S64", "f32": "F32", "f64": "F64"}[rt.NumVectorTag(v)] + "Vector"
	return rtq(ctor).Call(jen.Index().Add(elemType).Values(elems...)), true
}

func intLits[E int8 | uint16 | int16 | uint32 | int32 | int64](d []E) []jen.Code {
	out := make([]jen.Code, len(d))
	for i, x := range d {
		out[i] = jen.Id(strconv.FormatInt(int64(x), 10))
	}
	return out
}
