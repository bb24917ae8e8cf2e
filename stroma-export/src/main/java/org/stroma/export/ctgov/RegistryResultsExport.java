package org.stroma.export.ctgov;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stroma.export.ExportSource;
import org.stroma.export.ExportedFile;
import org.stroma.protocol.registry.v2.ApiV2Writer;
import org.stroma.protocol.registry.v2.ResultsJson;
import org.stroma.report.RegistryResultsDraft;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.plan.AnalysisPlan;
import org.stroma.trial.plan.PlanRevision;

/**
 * The registry record in ClinicalTrials.gov API v2 JSON with its results section drafted from the locked data and the
 * frozen analysis plan, and its status brought up to date from the trial as it ran: completed, with the actual
 * enrolment (the participants randomized) and the actual completion date (the last day any participant was seen).
 * Beside it, {@value #REVIEW} lists what a person must still do before posting. The results compare the arms, so the
 * export is made from unblinded data only.
 */
public final class RegistryResultsExport {
    public static final String REVIEW = "REVIEW.txt";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RegistryResultsExport() {
    }

    public static List<ExportedFile> files(ExportSource source) {
        LockedTrial locked = source.lockedData("The registry's results section");
        AnalysisPlan plan = source.analysisPlan().flatMap(h -> h.frozen()).map(PlanRevision::plan).orElse(null);
        RegistryResultsDraft draft = RegistryResultsDraft.of(locked, plan);
        ObjectNode study = ApiV2Writer.write(source.protocol(), Map.of());
        ObjectNode protocol = (ObjectNode) study.get("protocolSection");
        ObjectNode status = protocol.with("statusModule");
        status.put("overallStatus", "COMPLETED");
        LocalDate last = locked.subjects().stream().map(LockedTrial.SubjectRow::lastContact).filter(Objects::nonNull)
                .max(LocalDate::compareTo).orElse(null);
        if (last != null) {
            status.putObject("primaryCompletionDateStruct").put("date", last.toString()).put("type", "ACTUAL");
            status.putObject("completionDateStruct").put("date", last.toString()).put("type", "ACTUAL");
        }
        long randomized = locked.subjects().stream().filter(s -> s.group() != null).count();
        protocol.with("designModule").putObject("enrollmentInfo").put("count", randomized).put("type", "ACTUAL");
        study.set("resultsSection", ResultsJson.write(draft.results()));
        study.put("hasResults", true);
        StringBuilder review = new StringBuilder("Before posting the results of " + source.design().trial()
                + " on ClinicalTrials.gov\n\nThe results section was drafted by Stroma from the locked data and the"
                + " frozen analysis plan. Check every figure against the final report, code the adverse events with"
                + " the sponsor's MedDRA version, and complete what is listed here.\n\n");
        if (draft.toReview().isEmpty()) {
            review.append("Nothing was left for a person to complete.\n");
        }
        draft.toReview().forEach(line -> review.append("- ").append(line).append('\n'));
        try {
            return List.of(ExportedFile.text(source.design().trial() + ".json", JSON.writeValueAsString(study)),
                    ExportedFile.text(REVIEW, review.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a registry record that does not write as JSON", e);
        }
    }
}
