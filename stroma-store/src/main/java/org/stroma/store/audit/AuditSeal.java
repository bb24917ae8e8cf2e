package org.stroma.store.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that make the audit ledger verifiable from outside the database, kept in Stroma's home (readable by its
 * owner only) and never in the database: a secret that keys each row's hash (so that whoever can write the database
 * cannot forge or re-chain rows), and a signing key pair for the checkpoints of the chain's head written beside them
 * (so that rows cut off the end, or a whole ledger replaced, are found; the public key lets a sponsor check the
 * checkpoints without being able to forge them).
 *
 * <p>A ledger begun before it had a seal keeps its earlier rows hashed with SHA-256 alone; the first sealed row's hash
 * covers them through the chain.
 */
public final class AuditSeal {
    private final String ledger;
    private final byte[] rowKey;
    private final long sealedFrom;
    private final PrivateKey signing;
    private final PublicKey verifying;
    private final Path checkpoints;

    private AuditSeal(String ledger, byte[] rowKey, long sealedFrom, PrivateKey signing, PublicKey verifying,
            Path checkpoints) {
        this.ledger = ledger;
        this.rowKey = rowKey;
        this.sealedFrom = sealedFrom;
        this.signing = signing;
        this.verifying = verifying;
        this.checkpoints = checkpoints;
    }

    /**
     * The seal of the database called {@code name} in {@code dir} (one home keeps the seal of each database it
     * uses), whose ledger is {@code ledger}; made now if there is none, sealing the rows after {@code head} (the last
     * row the ledger holds now). A database whose ledger is not the one its seal was made for is refused: its ledger
     * was replaced.
     */
    public static AuditSeal at(Path dir, String name, String ledger, long head) {
        Path keyFile = dir.resolve(name + ".key");
        try {
            if (!Files.exists(keyFile)) {
                create(dir, name, keyFile, ledger, head + 1);
            }
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(keyFile, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            if (!ledger.equals(p.getProperty("ledger"))) {
                throw new IllegalStateException("the database holds audit ledger " + ledger + ", but the keys in "
                        + keyFile + " are those of ledger " + p.getProperty("ledger") + ": the ledger was replaced"
                        + " (if the database was replaced on purpose, move that file aside)");
            }
            Base64.Decoder b64 = Base64.getDecoder();
            KeyFactory ed = KeyFactory.getInstance("Ed25519");
            return new AuditSeal(ledger, b64.decode(p.getProperty("rowKey")),
                    Long.parseLong(p.getProperty("sealedFrom")),
                    ed.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(p.getProperty("signingKey")))),
                    ed.generatePublic(new X509EncodedKeySpec(b64.decode(p.getProperty("publicKey")))),
                    dir.resolve(name + ".checkpoints"));
        } catch (IllegalStateException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit ledger's keys in " + keyFile + ": " + e.getMessage(),
                    e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the audit ledger's key file " + keyFile + " is damaged: " + e.getMessage(),
                    e);
        }
    }

    private static void create(Path dir, String name, Path keyFile, String ledger, long sealedFrom)
            throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        byte[] rowKey = new byte[32];
        new SecureRandom().nextBytes(rowKey);
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Base64.Encoder b64 = Base64.getEncoder();
        String text = "# The keys of audit ledger " + ledger + ". Keep this file secret and backed up: without it the"
                + " ledger cannot be verified.\n"
                + "ledger=" + ledger + "\n"
                + "rowKey=" + b64.encodeToString(rowKey) + "\n"
                + "sealedFrom=" + sealedFrom + "\n"
                + "signingKey=" + b64.encodeToString(pair.getPrivate().getEncoded()) + "\n"
                + "publicKey=" + b64.encodeToString(pair.getPublic().getEncoded()) + "\n";
        Path drawn = Files.createTempFile(dir, ".key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(drawn, text, StandardCharsets.UTF_8);
        Files.move(drawn, keyFile, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(dir.resolve(name + ".pub"), "Ed25519 public key of audit ledger " + ledger
                + " (X.509, base64), for checking its checkpoints:\n" + b64.encodeToString(pair.getPublic()
                .getEncoded()) + "\n", StandardCharsets.UTF_8);
    }

    public String ledger() {
        return ledger;
    }

    /** The first row whose hash is keyed; rows before it were written before the ledger had a seal. */
    public long sealedFrom() {
        return sealedFrom;
    }

    /** Where the signed checkpoints of the head are kept. */
    public Path checkpointFile() {
        return checkpoints;
    }

    /** A row's hash over its canonical text: keyed from {@link #sealedFrom}, SHA-256 alone before. */
    String rowHash(long seq, byte[] canonical) {
        try {
            if (seq < sealedFrom) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rowKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime lacks SHA-256 or HMAC-SHA256", e);
        }
    }

    byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(signing);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit checkpoint: " + e.getMessage(), e);
        }
    }

    boolean signed(byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(verifying);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
