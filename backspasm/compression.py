"""Gzip a stored page once, though every copy of it carries a different CSP nonce.

Compressing a page costs more than everything else a cache hit does. The stored page is split
where the nonce goes, and each piece is compressed once into raw DEFLATE that ends on a byte
boundary (a sync flush). A response is then those pieces with the nonce between them as stored
(uncompressed) DEFLATE blocks, wrapped in a gzip header and trailer: one valid gzip stream
(RFC 1951, RFC 1952), built with a CRC over a few kilobytes instead of a compression run.

Each response's header also carries a random-length file name, the padding Django's own
``GZipMiddleware`` adds against BREACH-style length guessing.
"""

import gzip
import secrets
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

# What Django's GZipMiddleware uses, so a hit weighs what its miss weighed.
LEVEL: Final = 6
MAX_RANDOM_BYTES: Final = 100
RAW_DEFLATE: Final = -zlib.MAX_WBITS
# ID1 ID2, CM (deflate), FLG (a file name follows), MTIME 0, XFL 0, OS 255 (unknown).
HEADER: Final = bytes((0x1F, 0x8B, 8, gzip.FNAME, 0, 0, 0, 0, 0, 255))
STORED_BLOCK_LIMIT: Final = 0xFFFF


@dataclass(frozen=True, slots=True)
class CompressedPieces:
    """A body's text between the nonces, each piece plain and as raw DEFLATE."""

    plain: tuple[bytes, ...]
    deflated: tuple[bytes, ...]

    @classmethod
    def of(cls, pieces: Sequence[bytes]) -> "CompressedPieces":
        deflated = []
        for index, piece in enumerate(pieces):
            compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, RAW_DEFLATE)
            last = index == len(pieces) - 1
            # The last piece closes the stream (its final block); the others stop on a byte
            # boundary so that a stored block can follow.
            ending = zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH
            deflated.append(compressor.compress(piece) + compressor.flush(ending))
        return cls(tuple(pieces), tuple(deflated))

    def plain_body(self, nonce: bytes) -> bytes:
        return nonce.join(self.plain)

    def gzip_body(self, nonce: bytes) -> bytes:
        stored_nonce = _stored_block(nonce)
        parts = [HEADER, b"a" * secrets.randbelow(MAX_RANDOM_BYTES) + b"\x00"]
        checksum = 0
        for index, (plain, deflated) in enumerate(zip(self.plain, self.deflated, strict=True)):
            if index:
                parts.append(stored_nonce)
                checksum = zlib.crc32(nonce, checksum)
            parts.append(deflated)
            checksum = zlib.crc32(plain, checksum)
        size = sum(map(len, self.plain)) + len(nonce) * (len(self.plain) - 1)
        parts.append(struct.pack("<II", checksum, size & 0xFFFFFFFF))
        return b"".join(parts)


def _stored_block(data: bytes) -> bytes:
    """A non-final stored DEFLATE block: after a sync flush the stream sits on a byte boundary, so
    the header is one byte (BFINAL 0, BTYPE 00, padding) and then LEN and its complement."""
    if len(data) > STORED_BLOCK_LIMIT:
        raise ValueError(f"a stored block holds at most {STORED_BLOCK_LIMIT} bytes")
    return b"\x00" + struct.pack("<HH", len(data), len(data) ^ 0xFFFF) + data
