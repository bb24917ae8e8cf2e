package org.stroma.server.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The five reference trials shipped with Stroma, read from its class path. */
public final class ReferenceTrials {
    private static final String FOLDER = "demo/seeds/";

    private ReferenceTrials() {
    }

    /** A reference trial's file name and content. */
    public record Trial(String name, byte[] content) {
    }

    public static List<Trial> all() {
        URL folder = ReferenceTrials.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            throw new IllegalStateException("the reference trials are missing from the class path (" + FOLDER + ")");
        }
        List<String> names = new ArrayList<>();
        try {
            if (folder.getProtocol().equals("jar")) {
                String jar = folder.getPath().substring("file:".length(), folder.getPath().indexOf('!'));
                try (JarFile file = new JarFile(java.net.URLDecoder.decode(jar, java.nio.charset.StandardCharsets.UTF_8))) {
                    for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                        String entry = e.nextElement().getName();
                        if (entry.startsWith(FOLDER) && entry.endsWith(".txt")) {
                            names.add(entry.substring(FOLDER.length()));
                        }
                    }
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).forEach(names::add);
                }
            }
            names.sort(String::compareTo);
            List<Trial> trials = new ArrayList<>();
            for (String name : names) {
                try (InputStream in = ReferenceTrials.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
                    trials.add(new Trial(name, in.readAllBytes()));
                }
            }
            return trials;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
