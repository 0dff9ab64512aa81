//go:build amd64 && !purego

#include "go_asm.h"
#include "textflag.h"

// func sepBlocks(b []byte, seps uint64, masks []uint64)
TEXT ·sepBlocks(SB), NOSPLIT, $0-56
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), AX
	MOVQ seps+24(FP), X0
	PUNPCKLQDQ X0, X0
	MOVQ masks_base+32(FP), DI
	MOVQ masks_len+40(FP), CX
	SHRQ $6, AX
	CMPQ AX, CX
	CMOVQLT AX, CX // n = min(len(masks), len(b)/64)
	TESTQ CX, CX
	JLE done

loop:
	MOVOU 0(SI), X1
	MOVOU 16(SI), X2
	MOVOU 32(SI), X3
	MOVOU 48(SI), X4
	PCMPEQB X0, X1
	PCMPEQB X0, X2
	PCMPEQB X0, X3
	PCMPEQB X0, X4
	PMOVMSKB X1, AX
	PMOVMSKB X2, BX
	PMOVMSKB X3, DX
	PMOVMSKB X4, R8
	SHLQ $16, BX
	SHLQ $32, DX
	SHLQ $48, R8
	ORQ BX, AX
	ORQ R8, DX
	ORQ DX, AX
	MOVQ AX, 0(DI)
	ADDQ $64, SI
	ADDQ $8, DI
	DECQ CX
	JNZ loop

done:
	RET

// func cellsRun(a *cellRun)
//
// Registers: DI a; SI the buffer; R15 the last position an 8-byte load may start at; R8 the
// masks, R12 their number; DX the next mark of the row, R10 its end; R11 the fast table; BX the
// block's first byte, R13 the block; AX the separators left; CX the next cell's first byte; R9,
// R14 scratch.
TEXT ·cellsRun(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), DI
	MOVQ cellRun_buf(DI), SI
	MOVQ (cellRun_buf+8)(DI), R15
	SUBQ $8, R15
	MOVQ cellRun_masks(DI), R8
	MOVQ (cellRun_masks+8)(DI), R12
	MOVQ cellRun_row(DI), DX
	MOVQ (cellRun_row+8)(DI), R10
	ADDQ DX, R10
	MOVQ cellRun_i(DI), R9
	ADDQ R9, DX
	MOVQ cellRun_ft(DI), R11
	MOVQ cellRun_base(DI), BX
	MOVQ cellRun_j(DI), R13
	MOVQ cellRun_m(DI), AX
	MOVQ cellRun_start(DI), CX

loop:
	CMPQ DX, R10
	JAE done
	TESTQ AX, AX
	JZ block

cell:
	// One cell, from CX to the separator at the lowest bit of AX: its 8 bytes from CX, masked,
	// are the spelling its first byte selects followed by the separator, or the loop stops.
	CMPQ CX, R15
	JGT done
	MOVQ (SI)(CX*1), R9
	MOVBQZX R9, R14
	ANDQ fastTable_endedMask(R11)(R14*8), R9
	CMPQ R9, fastTable_endedKey(R11)(R14*8)
	JNE done
	MOVBLZX fastTable_mark(R11)(R14*1), R9
	MOVB R9, (DX)
	INCQ DX
	// BSF leaves its destination as it was when the source is 0, so it waits for the
	// destination's last value: zeroed first, R14 does not chain this cell's loads to the next.
	XORL R14, R14
	BSFQ AX, R14
	LEAQ 1(BX)(R14*1), CX
	CMPQ DX, R10
	JAE full
	LEAQ -1(AX), R9
	ANDQ R9, AX // the separator passed, cleared; the flags say whether one is left
	JNZ cell

block:
	// The separators of the next block, if the window has one.
	LEAQ 1(R13), R9
	CMPQ R9, R12
	JAE done
	MOVQ R9, R13
	ADDQ $64, BX
	MOVQ (R8)(R13*8), AX
	JMP loop

full:
	// The row is full: the separator of its last cell is passed all the same.
	LEAQ -1(AX), R9
	ANDQ R9, AX

done:
	MOVQ BX, cellRun_base(DI)
	MOVQ R13, cellRun_j(DI)
	MOVQ AX, cellRun_m(DI)
	MOVQ CX, cellRun_start(DI)
	SUBQ cellRun_row(DI), DX
	MOVQ DX, cellRun_i(DI)
	RET
