package io.genreflow.audio;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import io.genreflow.audio.AudioDecodeException.Reason;
import java.io.IOException;

/**
 * Pulls the packets of the first logical stream out of an Ogg file with jogg, reading the input a
 * few kilobytes at a time. Pages of other logical streams are ignored, and the stream ends at its
 * end-of-stream page (later chained streams are not read).
 *
 * <p>Ogg pages carry checksums, so damage shows up here: a page that fails its checksum or a gap in
 * the page sequence is CORRUPT_DATA, and input that ends before the end-of-stream page is TRUNCATED.
 */
final class OggPacketReader {

    private static final int READ_BYTES = 8192;
    /** Page data allowed to pile up without completing a packet; real packets are far smaller. */
    private static final int MAX_PACKET_BYTES = 16 << 20;

    private final ByteInput input;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    private final Packet packet = new Packet();
    private boolean started;
    private int serial;
    private boolean lastPageSeen;
    private long bytesWithoutPacket;

    OggPacketReader(ByteInput input) {
        this.input = input;
        sync.init();
    }

    /**
     * The next packet (valid until the next call), or null after the last packet of the stream.
     *
     * @throws AudioDecodeException TRUNCATED when the input ends before the stream does, CORRUPT_DATA
     *     when a page is damaged or missing
     */
    Packet next() throws IOException {
        while (true) {
            if (started) {
                int result = stream.packetout(packet);
                if (result == 1) {
                    bytesWithoutPacket = 0;
                    return packet;
                }
                if (result < 0) {
                    throw corrupt("a page is missing from the Ogg stream");
                }
                if (lastPageSeen) {
                    return null;
                }
            }
            int result = sync.pageout(page);
            if (result == 1) {
                accept();
            } else if (result < 0) {
                throw corrupt("an Ogg page fails its checksum or is out of sync");
            } else if (!readMore()) {
                throw new AudioDecodeException(Reason.TRUNCATED, input.format(), "the file ends after "
                        + input.position() + " bytes, before the Ogg stream's last page; the file is truncated");
            }
        }
    }

    private void accept() throws AudioDecodeException {
        if (!started) {
            serial = page.serialno();
            stream.init(serial);
            started = true;
        }
        if (page.serialno() != serial) {
            return;
        }
        stream.pagein(page);
        bytesWithoutPacket += page.body_len;
        if (bytesWithoutPacket > MAX_PACKET_BYTES) {
            throw corrupt("a packet runs over more than " + (MAX_PACKET_BYTES >> 20) + " MB of pages");
        }
        if (page.eos() != 0) {
            lastPageSeen = true;
        }
    }

    private boolean readMore() throws IOException {
        int offset = sync.buffer(READ_BYTES);
        int n = input.readUpTo(sync.data, offset, READ_BYTES);
        if (n <= 0) {
            return false;
        }
        sync.wrote(n);
        return true;
    }

    private AudioDecodeException corrupt(String what) {
        return new AudioDecodeException(Reason.CORRUPT_DATA, input.format(),
                what + " (near byte " + input.position() + "); the file is damaged");
    }

    void close() {
        stream.clear();
        sync.clear();
    }
}
