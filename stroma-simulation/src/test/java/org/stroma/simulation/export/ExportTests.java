package org.stroma.simulation.export;

import java.util.EnumSet;
import java.util.Set;
import org.stroma.export.ExportFormat;

/** What the export tests share. */
final class ExportTests {
    /** The formats Stroma exports today. */
    static final Set<ExportFormat> AVAILABLE = EnumSet.of(ExportFormat.ODM, ExportFormat.FHIR);

    private ExportTests() {
    }
}
