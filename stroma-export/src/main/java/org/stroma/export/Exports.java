package org.stroma.export;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.stroma.export.ctgov.RegistryResultsExport;
import org.stroma.export.fhir.FhirExport;
import org.stroma.export.ipd.ParticipantDataExport;
import org.stroma.export.odm.OdmExport;
import org.stroma.export.sdtm.SdtmExport;
import org.stroma.export.usdm.UsdmExport;

/** Makes an export of a trial in one of the standards, from the trial as its source's role sees it. */
public final class Exports {
    /** The formats Stroma exports: every one it names. */
    private static final Set<ExportFormat> AVAILABLE = EnumSet.allOf(ExportFormat.class);

    private Exports() {
    }

    public static Set<ExportFormat> available() {
        return Collections.unmodifiableSet(AVAILABLE);
    }

    public static Export of(ExportSource source, ExportFormat format) {
        List<ExportedFile> files = switch (format) {
            case ODM -> OdmExport.files(source);
            case CTGOV_V2 -> RegistryResultsExport.files(source);
            case IPD -> ParticipantDataExport.files(source);
            case USDM -> UsdmExport.files(source);
            case SDTM -> SdtmExport.files(source);
            case FHIR -> FhirExport.files(source);
        };
        return new Export(source.design().trial(), format, source.blinded(), source.exportedAt(), files);
    }
}
