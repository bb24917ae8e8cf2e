package org.stroma.protocol.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.registry.classic.ClassicApiReader;
import org.stroma.protocol.registry.page.PageReader;
import org.stroma.protocol.registry.v2.ApiV2Reader;
import org.stroma.protocol.registry.xml.LegacyXmlReader;

/**
 * Reads registry records from a file's bytes: detects the format (API v2 JSON, one study or an export of many; the
 * classic API JSON; legacy XML; the three page layouts; Stroma's own protocol JSON), reads each study, reads meaning
 * from its free text and reports what to review. A file that cannot be read gives a {@link RecordFormatException}
 * naming the place and the problem.
 */
public final class RegistryImporter {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(RecordLimits.MAX_NESTING)
                    .maxStringLength(RecordLimits.MAX_TEXT_CHARS)
                    .maxNameLength(RecordLimits.MAX_TEXT_CHARS)
                    .build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public List<ImportedRecord> read(byte[] content) {
        RecordLimits.checkFileSize(content.length);
        int first = firstSignificantByte(content);
        if (first == '{' || first == '[') {
            return readJson(content); // Jackson checks the UTF-8 itself; no need to decode first
        }
        String text = decode(content);
        // a file of spaces, non-breaking spaces and byte-order marks is as empty as a file of nothing
        String trimmed = text.replace('\u00a0', ' ').replace("\uFEFF", "").strip();
        if (trimmed.isEmpty()) {
            throw new RecordFormatException(null, "the file is empty");
        }
        if (trimmed.charAt(0) == '<') {
            return List.of(new LegacyXmlReader(text).importRecord());
        }
        RecordLimits.checkLines(text);
        return List.of(PageReader.of(text).importRecord());
    }

    /** The first byte after ASCII white space and a UTF-8 byte-order mark, or -1. */
    private static int firstSignificantByte(byte[] content) {
        int i = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
        while (i < content.length && (content[i] == ' ' || content[i] == '\n' || content[i] == '\r'
                || content[i] == '\t')) {
            i++;
        }
        return i < content.length ? content[i] : -1;
    }

    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new RecordFormatException("byte " + text.indexOf('\0'), "the file is binary, not a registry record");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new RecordFormatException(null, "the file is not UTF-8 text, so it is not a registry record");
        }
    }

    private List<ImportedRecord> readJson(byte[] content) {
        JsonNode root;
        try {
            int bom = (content[0] & 0xff) == 0xEF ? 3 : 0;
            root = JSON.readTree(new java.io.ByteArrayInputStream(content, bom, content.length - bom));
        } catch (StreamConstraintsException e) {
            String place = place(e);
            if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("String value length")) {
                place = LongTextLocator.find(content);
            }
            throw new RecordFormatException(place, limitExceeded(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage().replaceAll("\\s*\\(start marker at.*", "").replaceAll("\\s+", " ");
            throw new RecordFormatException(place(e), "not valid JSON: " + problem);
        } catch (java.io.IOException e) {
            throw new RecordFormatException(null, "not valid JSON: " + e.getMessage().replaceAll("\\s+", " "));
        }
        List<ImportedRecord> records = new ArrayList<>();
        if (root.isArray()) {
            if (root.isEmpty()) {
                throw new RecordFormatException("$", "the list holds no studies");
            }
            for (int i = 0; i < root.size(); i++) {
                records.add(readJsonStudy(root.get(i), "$[" + i + "]"));
            }
            return records;
        }
        if (root.isObject() && root.get("studies") != null && root.get("studies").isArray()) {
            JsonNode studies = root.get("studies");
            for (int i = 0; i < studies.size(); i++) {
                records.add(readJsonStudy(studies.get(i), "$.studies[" + i + "]"));
            }
            if (records.isEmpty()) {
                throw new RecordFormatException("$.studies", "the list holds no studies");
            }
            return records;
        }
        JsonNode full = root.path("FullStudiesResponse").path("FullStudies");
        if (full.isArray()) {
            for (int i = 0; i < full.size(); i++) {
                records.add(readJsonStudy(full.get(i), "$.FullStudiesResponse.FullStudies[" + i + "]"));
            }
            if (records.isEmpty()) {
                throw new RecordFormatException("$.FullStudiesResponse.FullStudies", "the list holds no studies");
            }
            return records;
        }
        records.add(readJsonStudy(root, "$"));
        return records;
    }

    private static String place(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** Jackson's words for a limit ("String value length (100001) exceeds the maximum allowed (100000…") as Stroma's. */
    private static String limitExceeded(String jackson) {
        String m = jackson == null ? "" : jackson;
        if (m.contains("Nesting depth") || m.contains("nesting depth")) {
            return "the JSON is nested more than " + RecordLimits.MAX_NESTING + " levels deep";
        }
        if (m.contains("Name length")) {
            return "a field name is longer than " + RecordLimits.MAX_TEXT_CHARS + " characters";
        }
        if (m.contains("String value length")) {
            return "a text is longer than " + RecordLimits.MAX_TEXT_CHARS + " characters";
        }
        return "the JSON exceeds a limit: " + m.replaceAll("\\s+", " ").replaceAll("\\(by `[^)]*\\)", "").strip();
    }

    private ImportedRecord readJsonStudy(JsonNode study, String location) {
        if (study == null || !study.isObject()) {
            throw new RecordFormatException(location, "expected a study object");
        }
        if (study.has("protocolSection")) {
            return new ApiV2Reader(new TrackedJson(study, location)).importRecord();
        }
        JsonNode classic = study.has("FullStudy") ? study.get("FullStudy") : study;
        String classicLocation = study.has("FullStudy") ? location + ".FullStudy" : location;
        if (classic.has("Study")) {
            classic = classic.get("Study");
            classicLocation = classicLocation + ".Study";
        }
        if (classic.has("ProtocolSection")) {
            return new ClassicApiReader(new TrackedJson(classic, classicLocation)).importRecord();
        }
        if (study.has("identification") && study.has("provenance")) {
            Protocol protocol = org.stroma.protocol.json.ProtocolJson.fromTree(study, location);
            RecordLimits.checkCriteria(protocol);
            return new ImportedRecord(protocol, ImportReport.of(protocol.provenance(), List.of(), List.of()),
                    RecordFormat.STROMA_PROTOCOL, Map.of());
        }
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = study.fieldNames(); it.hasNext() && fields.size() < 5; ) {
            fields.add(it.next());
        }
        throw new RecordFormatException(location, "not a registry record: an API v2 study has a protocolSection and a"
                + " classic API study a ProtocolSection, but this object has "
                + (fields.isEmpty() ? "no fields" : "the fields " + String.join(", ", fields)));
    }
}
