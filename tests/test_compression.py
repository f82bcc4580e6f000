"""A stored page compressed once is still a valid gzip stream with any nonce put into it."""

import gzip
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backspasm.compression import MAX_RANDOM_BYTES, CompressedPieces

pieces = st.lists(st.binary(max_size=3000), min_size=1, max_size=6)
nonces = st.binary(max_size=64)


@given(pieces, nonces)
def test_the_gzip_body_decompresses_to_the_pieces_joined_by_the_nonce(
    parts: list[bytes], nonce: bytes
):
    compressed = CompressedPieces.of(parts)

    body = compressed.gzip_body(nonce)

    assert gzip.decompress(body) == nonce.join(parts) == compressed.plain_body(nonce)


@given(pieces, nonces)
def test_the_gzip_body_is_one_whole_stream_with_a_checked_trailer(parts: list[bytes], nonce: bytes):
    body = CompressedPieces.of(parts).gzip_body(nonce)
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)

    decompressor.decompress(body)

    assert decompressor.eof
    assert decompressor.unused_data == b""


def test_each_body_is_padded_by_a_random_length_against_length_guessing():
    compressed = CompressedPieces.of([b"<html>", b"</html>"])

    lengths = {len(compressed.gzip_body(b"nonce")) for _ in range(50)}

    assert len(lengths) > 1
    assert max(lengths) - min(lengths) < MAX_RANDOM_BYTES


def test_a_nonce_longer_than_a_stored_block_is_refused():
    with pytest.raises(ValueError, match="at most"):
        CompressedPieces.of([b"a", b"b"]).gzip_body(b"n" * 70_000)
