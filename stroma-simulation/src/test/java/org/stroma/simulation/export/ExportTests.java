package org.stroma.simulation.export;

import java.util.Set;
import org.stroma.export.ExportFormat;
import org.stroma.export.Exports;

/** What the export tests share. */
final class ExportTests {
    /** The formats Stroma exports today. */
    static final Set<ExportFormat> AVAILABLE = Exports.available();

    private ExportTests() {
    }
}
