package org.stroma.export;

import java.util.List;
import org.stroma.export.fhir.FhirExport;
import org.stroma.export.odm.OdmExport;

/** Makes an export of a trial in one of the standards, from the trial as its source's role sees it. */
public final class Exports {
    private Exports() {
    }

    public static Export of(ExportSource source, ExportFormat format) {
        List<ExportedFile> files = switch (format) {
            case ODM -> OdmExport.files(source);
            case FHIR -> FhirExport.files(source);
            case SDTM, USDM, CTGOV_V2, IPD -> throw new ExportException("the " + format.formatName()
                    + " export is not available yet");
        };
        return new Export(source.design().trial(), format, source.blinded(), source.exportedAt(), files);
    }
}
