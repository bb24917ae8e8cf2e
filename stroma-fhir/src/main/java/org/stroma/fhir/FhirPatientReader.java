package org.stroma.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.stroma.trial.patient.PatientRecord;

/**
 * Reads patients from FHIR R4 JSON: a Bundle (Synthea writes one per patient), a single resource, an NDJSON file of
 * resources (as a bulk-data export writes one per resource type), or a folder of any of these. Resources are gathered
 * from every file before they are put together, so a patient's observations may sit in another file than the patient.
 * Parsing is strict: an unknown element or a malformed value is an {@link InvalidBundleException} naming the file and
 * the resource, and nothing is returned.
 */
public final class FhirPatientReader {
    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IParser parser;

    public FhirPatientReader() {
        parser = R4.newJsonParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
        // keep each resource's own id; its bundle fullUrl is kept beside it
        parser.setOverrideResourceIdWithBundleEntryFullUrl(false);
    }

    /** The patients in a file, or in every .json and .ndjson file under a folder. */
    public List<PatientRecord> read(Path path) throws IOException {
        List<LocatedResource> resources = new ArrayList<>();
        for (Path file : files(path)) {
            resources.addAll(resources(file.toString(), FhirText.decode(file.toString(), Files.readAllBytes(file))));
        }
        return new PatientAssembler().assemble(resources);
    }

    /**
     * The patients in a file or folder, reading past what cannot be read: a file (a line of an NDJSON file) that
     * cannot be read is reported and its resources left out, and so is every patient it mentions — their record would
     * be short of it — and a resource that cannot be used leaves out its patient. The others are read as usual.
     */
    public PatientReading readEach(Path path) throws IOException {
        Map<String, byte[]> contents = new java.util.LinkedHashMap<>();
        for (Path file : files(path)) {
            contents.put(file.toString(), Files.readAllBytes(file));
        }
        return readEach(contents);
    }

    /** As {@link #readEach(Path)}, for files given by name and content. */
    public PatientReading readEach(Map<String, byte[]> files) {
        List<Unit> units = new ArrayList<>();
        Reading reading = new Reading();
        files.forEach((name, content) -> {
            try {
                units.addAll(units(name, FhirText.decode(name, content)));
            } catch (InvalidBundleException e) {
                reading.unreadable(new String(content, StandardCharsets.UTF_8), e);
            }
        });
        return read(units, reading);
    }

    /**
     * As {@link #readEach(Path)}, for lines of NDJSON files already split and gathered (a bulk export's lines of some
     * patients, as a distributed engine groups them); each line is named by its file and number in problems.
     */
    public PatientReading readLines(List<NdjsonLine> lines) {
        List<Unit> units = new ArrayList<>(lines.size());
        for (NdjsonLine line : lines) {
            units.add(new Unit(line.file(), "line " + line.number(), line.json()));
        }
        return read(units, new Reading());
    }

    /** The problems met while reading, and the patients they leave out. */
    private static final class Reading {
        final List<InvalidBundleException> problems = new ArrayList<>();
        final Map<String, InvalidBundleException> mentioned = new HashMap<>();
        final List<InvalidBundleException> whoseUnknown = new ArrayList<>();

        void unreadable(String text, InvalidBundleException e) {
            problems.add(e);
            if (!UnreadableMentions.collect(text, e, mentioned)) {
                whoseUnknown.add(e);
            }
        }
    }

    private PatientReading read(List<Unit> units, Reading reading) {
        List<LocatedResource> resources = new ArrayList<>();
        for (Unit unit : units) {
            try {
                resources.addAll(unpack(unit.file(), unit.place() == null ? "resource" : unit.place(),
                        parse(unit.file(), unit.place(), unit.json()), null));
            } catch (InvalidBundleException e) {
                reading.unreadable(unit.json(), e);
            }
        }
        List<InvalidBundleException> problems = reading.problems;
        List<PatientRecord> patients = new ArrayList<>();
        List<PatientRecord> assembled = new PatientAssembler(problems).assemble(resources);
        if (!reading.whoseUnknown.isEmpty() && !assembled.isEmpty()) {
            InvalidBundleException e = reading.whoseUnknown.get(0);
            problems.add(new InvalidBundleException(e.file(), e.resource(), "no patient is screened: this part of the"
                    + " input cannot be read and does not say whose record it belongs to"));
            return new PatientReading(List.of(), problems);
        }
        for (PatientRecord p : assembled) {
            InvalidBundleException unread = reading.mentioned.get(p.id());
            if (unread == null) {
                patients.add(p);
            } else {
                problems.add(new InvalidBundleException(unread.file(), unread.resource(), "Patient/" + p.id()
                        + " is not screened: this part of their record cannot be read"));
            }
        }
        return new PatientReading(patients, problems);
    }

    /** A file's parts read one at a time: the lines of an NDJSON file, or the whole of any other. */
    private record Unit(String file, String place, String json) {
    }

    private static List<Unit> units(String file, String content) {
        List<Unit> units = new ArrayList<>();
        if (file.endsWith(".ndjson")) {
            String[] lines = content.split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    units.add(new Unit(file, "line " + (i + 1), lines[i]));
                }
            }
        } else {
            units.add(new Unit(file, null, content));
        }
        return units;
    }

    /**
     * The key a reference is resolved by ("https://host/fhir/Patient/1/_history/2" and "Patient/1/" are "Patient/1";
     * "urn:uuid:…" is itself): what groups a bulk export's lines by patient must be what puts them together.
     */
    public static String referenceKey(String reference) {
        return PatientAssembler.key(reference);
    }

    /** Whether a resource of this type, as its JSON names it, can be read (FHIR R4 has it). */
    public static boolean isResourceType(String type) {
        return R4.getResourceTypes().contains(type);
    }

    /** The patients in one file's content; {@code name} is how errors name the file. */
    public List<PatientRecord> read(String name, String content) {
        return new PatientAssembler().assemble(resources(name, content));
    }

    /** The patients in one file's bytes, which must be UTF-8; {@code name} is how errors name the file. */
    public List<PatientRecord> read(String name, byte[] content) {
        return read(name, FhirText.decode(name, content));
    }

    private static List<Path> files(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".json") || n.endsWith(".ndjson");
            }).sorted().toList();
        }
    }

    private List<LocatedResource> resources(String file, String content) {
        if (file.endsWith(".ndjson")) {
            List<LocatedResource> all = new ArrayList<>();
            String[] lines = content.split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    all.addAll(unpack(file, "line " + (i + 1), parse(file, "line " + (i + 1), lines[i]), null));
                }
            }
            return all;
        }
        return unpack(file, "resource", parse(file, null, content), null);
    }

    private IBaseResource parse(String file, String place, String json) {
        try {
            return parser.parseResource(json);
        } catch (DataFormatException | IllegalArgumentException | NullPointerException e) {
            // HAPI refuses some damage with a NullPointerException of its own ("theResource must not be null" for an
            // entry whose resource is null); locating it says what is wrong in the input's words
            throw locate(file, place, json, e);
        }
    }

    /** A Bundle's entries (nested bundles too), or the resource itself. */
    private static List<LocatedResource> unpack(String file, String place, IBaseResource parsed, String fullUrl) {
        List<LocatedResource> all = new ArrayList<>();
        if (parsed instanceof Bundle bundle) {
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
                if (entry.hasResource()) {
                    all.addAll(unpack(file, "entry " + (i + 1), entry.getResource(), entry.getFullUrl()));
                }
            }
        } else if (parsed instanceof Resource resource) {
            all.add(new LocatedResource(file, place, resource, fullUrl));
        }
        return all;
    }

    /**
     * Which part of the input a parse error is in. HAPI's message names the element; parsing a bundle's entries one by
     * one finds the entry.
     */
    private InvalidBundleException locate(String file, String place, String json, Exception cause) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException notJson) {
            return new InvalidBundleException(file, place, "not JSON: " + firstLine(notJson.getMessage()));
        }
        if (root == null || !root.isObject() || !root.path("resourceType").isTextual()) {
            return new InvalidBundleException(file, place, "not a FHIR resource: it has no \"resourceType\"");
        }
        JsonNode entries = root.path("entry");
        if ("Bundle".equals(root.path("resourceType").asText()) && entries.isArray()) {
            for (int i = 0; i < entries.size(); i++) {
                JsonNode resource = entries.get(i).path("resource");
                if (resource.isNull() || entries.get(i).isNull()) {
                    return new InvalidBundleException(file, "entry " + (i + 1), (entries.get(i).isNull() ? "the entry"
                            : "its resource") + " is null; leave it out or give the resource");
                }
                if (resource.isMissingNode()) {
                    continue;
                }
                try {
                    parser.parseResource(resource.toString());
                } catch (DataFormatException | IllegalArgumentException | NullPointerException e) {
                    String type = resource.path("resourceType").asText("?");
                    String id = resource.path("id").asText(null);
                    return new InvalidBundleException(file, "entry " + (i + 1) + " (" + type + (id == null ? "" : "/"
                            + id) + ")", problem(e));
                }
            }
        }
        return new InvalidBundleException(file, place, problem(cause));
    }

    private static String problem(Exception e) {
        // HAPI prefixes its messages with an error code ("HAPI-1825: "), which says nothing to a reader
        return firstLine(e.getMessage()).replaceFirst("^HAPI-\\d+:\\s*", "");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
