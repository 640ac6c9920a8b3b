package parse

import (
	"math"
	"math/big"
)

// This file reads the SRFI 4 homogeneous vector literals #s8(...) #u16(...)
// #s16(...) #u32(...) #s32(...) #u64(...) #s64(...) #f32(...) #f64(...).
// (#u8(...) is the R7RS bytevector, read as a Bytevector.)

// NumVector is an SRFI 4 homogeneous vector literal other than #u8(...).
// Tag is the lower-case kind ("s8" ... "f64"). Elements of integer kinds
// are Int (or BigInt for u64) in the kind's range; elements of f32 and f64
// are real numbers (Int, BigInt, Rat or Real), kept as written.
type NumVector struct {
	P     Pos
	Tag   string
	Elems []Datum
}

func (d *NumVector) Pos() Pos { return d.P }
func (*NumVector) datum()     {}

// numVecRanges gives each integer kind's element range; the float kinds
// have none.
var numVecRanges = map[string][2]int64{
	"s8": {math.MinInt8, math.MaxInt8}, "u16": {0, math.MaxUint16},
	"s16": {math.MinInt16, math.MaxInt16}, "u32": {0, math.MaxUint32},
	"s32": {math.MinInt32, math.MaxInt32}, "u64": {0, math.MaxInt64},
	"s64": {math.MinInt64, math.MaxInt64},
}

// isNumVecTag reports whether tag (lower case) names a homogeneous vector
// kind; u8 counts (it is read as a bytevector).
func isNumVecTag(tag string) bool {
	_, ok := numVecRanges[tag]
	return ok || tag == "u8" || tag == "f32" || tag == "f64"
}

var maxU64 = new(big.Int).SetUint64(math.MaxUint64)

// numVecElemOK reports whether e may be an element of a tag vector.
func numVecElemOK(tag string, e Datum) bool {
	if tag == "f32" || tag == "f64" {
		switch e.(type) {
		case *Int, *BigInt, *Rat, *Real:
			return true
		}
		return false
	}
	switch e := e.(type) {
	case *Int:
		r := numVecRanges[tag]
		return r[0] <= e.V && e.V <= r[1]
	case *BigInt:
		return tag == "u64" && e.V.Sign() > 0 && e.V.Cmp(maxU64) <= 0
	}
	return false
}

func (r *Reader) numVector(open token) (Datum, *Error) {
	tag := open.text[1 : len(open.text)-1]
	what := tag + "vector"
	elems, err := r.elements(open, what)
	if err != nil {
		return nil, err
	}
	for _, e := range elems {
		if !numVecElemOK(tag, e) {
			if rg, ok := numVecRanges[tag]; ok {
				hi := big.NewInt(rg[1])
				if tag == "u64" {
					hi = maxU64
				}
				return nil, r.errorf(e.Pos(), what+" element must be an exact integer between "+big.NewInt(rg[0]).String()+" and "+hi.String())
			}
			return nil, r.errorf(e.Pos(), what+" element must be a real number")
		}
	}
	if elems == nil {
		elems = []Datum{}
	}
	return &NumVector{P: open.pos, Tag: tag, Elems: elems}, nil
}
