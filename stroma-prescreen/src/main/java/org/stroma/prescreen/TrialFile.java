package org.stroma.prescreen;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/** A registry record or protocol file as read from disk, shipped as bytes to wherever the screening runs. */
public record TrialFile(String name, byte[] content) implements Serializable {
    public static TrialFile read(Path path) throws IOException {
        return new TrialFile(path.toString(), Files.readAllBytes(path));
    }
}
