using System.Buffers;
using System.IO.Compression;

namespace InstantOnRemediate.Core.Ingest;

/// <summary>Gunzip into a pooled buffer that never grows past a limit: a gzip bomb is stopped, not expanded.</summary>
internal static class BoundedGzip
{
    /// <returns>null on success (<paramref name="output"/> holds <paramref name="length"/> bytes, rented from the shared pool); otherwise the rejection.</returns>
    public static DecodedBatch? Inflate(byte[] compressed, int compressedLength, int maxBytes, out byte[]? output, out int length)
    {
        output = ArrayPool<byte>.Shared.Rent(Math.Clamp(compressedLength * 4, 4096, maxBytes + 1));
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
}
