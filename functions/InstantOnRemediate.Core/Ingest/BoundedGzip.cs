using System.Buffers;
using System.IO.Compression;

namespace InstantOnRemediate.Core.Ingest;

/// <summary>Gunzip into a pooled buffer that never grows past a limit: a gzip bomb is stopped, not expanded.</summary>
internal static class BoundedGzip
{
    /// <returns>null on success (<paramref name="output"/> holds <paramref name="length"/> bytes, rented from the shared pool); otherwise the rejection.</returns>
    public static DecodedBatch? Inflate(byte[] compressed, int compressedLength, int maxBytes, out byte[]? output, out int length)
    {
        output = ArrayPool<byte>.Shared.Rent(InitialSize(compressed, compressedLength, maxBytes));
        length = 0;
        try
        {
            using var source = new MemoryStream(compressed, 0, compressedLength, writable: false);
            using var gzip = new GZipStream(source, CompressionMode.Decompress);
            while (true)
            {
                if (length == output.Length)
                {
                    if (length > maxBytes)
                    {
                        return DecodedBatch.Reject(RejectionReasons.DecompressedTooLarge, $"The payload decompresses to more than {maxBytes} bytes; decoding stopped there.");
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)output.Length * 2, maxBytes + 1L));
                    output.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(output);
                    output = bigger;
                }

                var read = gzip.Read(output, length, output.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    return DecodedBatch.Reject(RejectionReasons.DecompressedTooLarge, $"The payload decompresses to more than {maxBytes} bytes; decoding stopped there.");
                }
            }

            return length == 0 ? DecodedBatch.Reject(RejectionReasons.InvalidGzip, "The gzip data decompresses to nothing.") : null;
        }
        catch (InvalidDataException)
        {
            return DecodedBatch.Reject(RejectionReasons.InvalidGzip, "The gzip data is corrupt or truncated.");
        }
    }

    /// <summary>
    /// The gzip trailer's ISIZE (the uncompressed length modulo 2^32, last four bytes) sizes the buffer so that a
    /// normal payload is inflated without growing and copying; it is only a hint (a damaged or hostile trailer
    /// still cannot make the buffer exceed the limit).
    /// </summary>
    private static int InitialSize(byte[] compressed, int compressedLength, int maxBytes)
    {
        var guess = compressedLength * 4L;
        if (compressedLength >= 18)
        {
            var isize = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressedLength - 4, 4));
            if (isize > 0)
            {
                // One spare byte: a read that fills the buffer exactly is followed by one that returns 0. Deflate
                // cannot expand more than about 1032:1, so a larger claim is a lie and is capped.
                guess = Math.Min(isize + 1L, compressedLength * 1032L);
            }
        }

        return (int)Math.Clamp(guess, 4096, maxBytes + 1L);
    }
}
