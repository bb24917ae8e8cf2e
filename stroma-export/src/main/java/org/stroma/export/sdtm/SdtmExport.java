package org.stroma.export.sdtm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.stroma.export.CsvTable;
import org.stroma.export.ExportSource;
import org.stroma.export.ExportedFile;
import org.stroma.trial.capture.FormRecord;
import org.stroma.trial.capture.FormVersion;
import org.stroma.trial.subject.StateChange;
import org.stroma.trial.subject.Subject;
import org.stroma.trial.subject.SubjectState;

/**
 * A trial as SDTM (SDTMIG 3.4): each dataset as CDISC Dataset-JSON v1.1 ({@code dm.json}) and as CSV
 * ({@code dm.csv}), their metadata as Define-XML 2.1 ({@value DefineXml#FILE}), and {@value #UNMAPPED}: the form items
 * the mapping table sends nowhere, with how many values of each the export left out.
 *
 * <p>The datasets: DM, SV, DS, EC, EX and SUPPEX (unblinded only), PR, AE and SUPPAE, the findings the mapping table fills (VS,
 * LB, CV, RS, FT, QS, NV — those the trial's forms have data for), and the trial design TA, TE, TV, TI, TS. A blinded
 * export ties no subject to an arm: DM's arm variables are empty (ARMNRS says BLINDED), EC names the treatment
 * BLINDED, and EX, which would say cells or placebo, is left out with the lab's collection of tissue in PR. A
 * dataset without rows is left out.
 */
public final class SdtmExport {
    public static final String UNMAPPED = "unmapped-items.csv";
    static final String SYSTEM_VERSION = "0.1.0";

    private SdtmExport() {
    }

    public static List<ExportedFile> files(ExportSource source) {
        String study = source.design().trial();
        List<SubjectTimeline> subjects = source.subjects().stream()
                .filter(s -> s.state() != SubjectState.CANDIDATE)
                .map(s -> new SubjectTimeline(source, s)).toList();
        Visits visits = new Visits(source.schedule());
        FindingsDomains findings = new FindingsDomains(source, SdtmMapping.standard(), visits);
        List<Dataset> datasets = new ArrayList<>();
        datasets.add(DemographicsDomain.of(source, subjects));
        datasets.add(SubjectVisitsDomain.of(source, subjects, visits));
        datasets.add(DispositionDomain.of(source, subjects));
        datasets.addAll(ExposureDomains.of(source, subjects, visits));
        datasets.add(ProceduresDomain.of(source, subjects, visits));
        datasets.addAll(AdverseEventsDomain.of(source, subjects));
        datasets.addAll(findings.of(subjects));
        datasets.addAll(new TrialDesignDomains(source).all());
        // a dataset with no rows is not written (SDTM sends none), except DM, which says who is in the trial
        datasets.removeIf(d -> d.rows().isEmpty() && !d.name().equals("DM"));

        String created = source.exportedAt().toString();
        String studyOid = "ST." + oid(study);
        String metaDataVersion = "MDV." + oid(study) + ".SDTMIG.3.4";
        String fileOid = "STROMA." + oid(study) + ".SDTM." + source.exportedAt().toEpochMilli();
        Instant modified = lastModified(source);
        DatasetJson.Header header = new DatasetJson.Header(created, fileOid, modified == null ? null
                : modified.toString(), "Stroma", "Stroma", SYSTEM_VERSION, studyOid, metaDataVersion);
        List<ExportedFile> files = new ArrayList<>();
        for (Dataset d : datasets) {
            String name = d.name().toLowerCase(Locale.ROOT);
            files.add(ExportedFile.text(name + ".json", DatasetJson.write(header, d)));
            files.add(ExportedFile.text(name + ".csv", DatasetCsv.write(d)));
        }
        files.add(ExportedFile.text(DefineXml.FILE, DefineXml.write(studyOid, study, source.design().title(),
                metaDataVersion, created, fileOid + ".DEFINE", source.blinded(), datasets)));
        files.add(unmapped(findings.unmapped()).file(UNMAPPED));
        return files;
    }

    /** The last change to the trial's data the export can see: the newest form version or step of a subject's path. */
    private static Instant lastModified(ExportSource source) {
        List<Instant> moments = new ArrayList<>();
        for (Subject s : source.subjects()) {
            s.history().stream().map(StateChange::at).forEach(moments::add);
            for (FormRecord f : source.forms(s.id())) {
                f.versions().stream().map(FormVersion::at).forEach(moments::add);
            }
        }
        if (source.lockedAt() != null) {
            moments.add(source.lockedAt());
        }
        return moments.stream().filter(Objects::nonNull).filter(m -> !m.isAfter(source.exportedAt()))
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private static CsvTable unmapped(List<FindingsDomains.Unmapped> items) {
        CsvTable table = new CsvTable("FORM", "ITEM", "LABEL", "VALUES_LEFT_OUT");
        items.forEach(u -> table.row(u.form(), u.item(), u.label(), u.values()));
        return table;
    }

    private static String oid(String name) {
        return name.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9.\\-]+", "_");
    }
}
