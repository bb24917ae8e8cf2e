package org.stroma.export.sdtm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * A dataset as CDISC Dataset-JSON v1.1: the file's and the study's attributes in the order the specification lists
 * them (so that a streaming reader finds them first), the columns with their Define-XML item OIDs, then the rows.
 * Missing values are null; numbers are JSON numbers, dates ISO 8601 strings.
 */
final class DatasetJson {
    static final String VERSION = "1.1";
    /** Numbers as written, never in exponent form: 60000000, not 6.0E7. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(
            com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private DatasetJson() {
    }

    /** The study's identity and the file's provenance, the same for every dataset of an export. */
    record Header(String created, String fileOidPrefix, String dbLastModified, String originator, String system,
            String systemVersion, String studyOid, String metaDataVersionOid) {
    }

    static String write(Header header, Dataset dataset) {
        ObjectNode root = JSON.createObjectNode();
        root.put("datasetJSONCreationDateTime", header.created());
        root.put("datasetJSONVersion", VERSION);
        root.put("fileOID", header.fileOidPrefix() + "." + dataset.name());
        if (header.dbLastModified() != null) {
            root.put("dbLastModifiedDateTime", header.dbLastModified());
        }
        root.put("originator", header.originator());
        ObjectNode system = root.putObject("sourceSystem");
        system.put("name", header.system());
        system.put("version", header.systemVersion());
        root.put("studyOID", header.studyOid());
        root.put("metaDataVersionOID", header.metaDataVersionOid());
        root.put("metaDataRef", DefineXml.FILE);
        root.put("itemGroupOID", SdtmOids.itemGroup(dataset.name()));
        root.put("records", dataset.rows().size());
        root.put("name", dataset.name());
        root.put("label", dataset.label());
        ArrayNode columns = root.putArray("columns");
        for (int c = 0; c < dataset.variables().size(); c++) {
            Variable v = dataset.variables().get(c);
            ObjectNode column = columns.addObject();
            column.put("itemOID", SdtmOids.item(dataset.name(), v.name()));
            column.put("name", v.name());
            column.put("label", v.label());
            column.put("dataType", v.type().datasetJson());
            if (v.type() == VariableType.TEXT) {
                column.put("length", dataset.length(c));
            }
            if (v.keySequence() != null) {
                column.put("keySequence", v.keySequence());
            }
        }
        ArrayNode rows = root.putArray("rows");
        for (List<Object> row : dataset.rows()) {
            ArrayNode line = rows.addArray();
            for (Object cell : row) {
                if (cell == null) {
                    line.addNull();
                } else if (cell instanceof Long l) {
                    line.add(l);
                } else if (cell instanceof Double d) {
                    line.add(BigDecimal.valueOf(d).stripTrailingZeros());
                } else {
                    line.add(cell.toString());
                }
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
