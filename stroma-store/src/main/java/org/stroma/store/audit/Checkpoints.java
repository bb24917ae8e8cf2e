package org.stroma.store.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The signed checkpoints of the ledger's head, one line per acknowledged write, appended to a file outside the
 * database and flushed to disk before the write is acknowledged: every acknowledged row is covered by a checkpoint,
 * so a ledger cut short, truncated or replaced no longer matches them. A line reads
 * {@code <row> <its hash> <time> <Ed25519 signature>}; the file can be handed to a sponsor with the public key.
 */
public final class Checkpoints {
    /** One line of the file, and whether its signature holds. */
    public record Checkpoint(int line, long seq, String hash, Instant at, boolean signed) {
    }

    private final AuditSeal seal;
    private FileChannel file;
    private long written;

    Checkpoints(AuditSeal seal) {
        this.seal = seal;
    }

    /** Puts the head on record, unless a later one already is (writes committed together are covered by the last). */
    synchronized void write(long seq, String hash, Instant at) {
        if (seq <= written) {
            return;
        }
        String line = seq + " " + hash + " " + at + " " + Base64.getEncoder().encodeToString(seal.sign(message(seq,
                hash, at))) + "\n";
        try {
            if (file == null) {
                try (FileChannel repair = FileChannel.open(seal.checkpointFile(), StandardOpenOption.CREATE,
                        StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    // a line cut short by a crash was never acknowledged: the next one takes its place
                    repair.truncate(endOfLastLine(repair));
                }
                file = FileChannel.open(seal.checkpointFile(), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                file.write(bytes);
            }
            file.force(false);
            written = seq;
        } catch (IOException e) {
            throw new UncheckedIOException("the write was committed, but its audit checkpoint could not be written to "
                    + seal.checkpointFile() + ": " + e.getMessage(), e);
        }
    }

    private static long endOfLastLine(FileChannel file) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long at = file.size(); at > 0; at--) {
            one.clear();
            file.read(one, at - 1);
            if (one.get(0) == '\n') {
                return at;
            }
        }
        return 0;
    }

    /**
     * Every checkpoint on file, in the order written. A last line without its end was being written when the process
     * died, before its write was acknowledged: it is left out.
     */
    List<Checkpoint> read() {
        List<Checkpoint> all = new ArrayList<>();
        if (!Files.exists(seal.checkpointFile())) {
            return all;
        }
        try {
            String text = Files.readString(seal.checkpointFile(), StandardCharsets.ISO_8859_1);
            String[] lines = text.substring(0, text.lastIndexOf('\n') + 1).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isEmpty()) {
                    all.add(parse(i + 1, lines[i]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + seal.checkpointFile() + ": " + e.getMessage(), e);
        }
        return all;
    }

    private Checkpoint parse(int number, String line) {
        String[] parts = line.strip().split(" ");
        try {
            long seq = Long.parseLong(parts[0]);
            Instant at = Instant.parse(parts[2]);
            boolean signed = parts.length == 4 && seal.signed(message(seq, parts[1], at),
                    Base64.getDecoder().decode(parts[3]));
            return new Checkpoint(number, seq, parts[1], at, signed);
        } catch (RuntimeException e) {
            // a line cut short by a crash while it was written, or written by someone else: not a checkpoint
            return new Checkpoint(number, -1, "", Instant.EPOCH, false);
        }
    }

    private byte[] message(long seq, String hash, Instant at) {
        return ("stroma audit checkpoint|" + seal.ledger() + "|" + seq + "|" + hash + "|" + at)
                .getBytes(StandardCharsets.UTF_8);
    }

    synchronized void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // every line written was already flushed
            }
            file = null;
        }
    }
}
