package org.stroma.simulation.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.stroma.export.Export;
import org.stroma.export.ExportFormat;
import org.stroma.export.odm.OdmExport;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The ODM export of every reference trial, blinded and unblinded, is valid against the CDISC ODM 1.3.2 schema (its
 * imports resolved from the folder beside it, as the machine has no network), and holds each subject's data with its
 * audit trail.
 */
class OdmExportTest {
    private static final Path SCHEMA = Path.of("..", "fixtures", "schemas", "odm-1.3.2", "ODM1-3-2.xsd");

    @Test
    void everyTrialsOdmIsValidAgainstTheSchema() throws Exception {
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(SCHEMA.toFile());
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            for (Export e : List.of(t.blinded().get(ExportFormat.ODM), t.unblinded().get(ExportFormat.ODM))) {
                List<String> errors = validate(schema, e.file(OdmExport.FILE).text());
                assertThat(errors).as(t.seed() + (e.blinded() ? " blinded" : " unblinded")).isEmpty();
            }
        }
    }

    private static List<String> validate(Schema schema, String xml) throws Exception {
        List<String> errors = new ArrayList<>();
        Validator v = schema.newValidator();
        v.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        v.validate(new StreamSource(new StringReader(xml)));
        return errors.size() > 20 ? errors.subList(0, 20) : errors;
    }
}
