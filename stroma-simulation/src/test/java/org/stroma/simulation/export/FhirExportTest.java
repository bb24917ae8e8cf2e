package org.stroma.simulation.export;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.util.FhirTerser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.stroma.export.Export;
import org.stroma.export.ExportFormat;
import org.stroma.export.ExportedFile;
import org.stroma.export.fhir.FhirExport;

/**
 * The FHIR R4 export of every reference trial, blinded and unblinded: every resource valid against the R4
 * specification by HAPI's instance validator (offline: see {@link FhirValidation}), the NDJSON files holding the
 * bundle's resources, and a blinded export of a masked trial free of anything that ties a subject to an arm.
 */
class FhirExportTest {
    private static final IParser JSON = FhirContext.forR4Cached().newJsonParser();
    private static final FhirTerser TERSER = FhirContext.forR4Cached().newTerser();
    /** The custody steps a masked reader sees: the bedside's, accepted or refused. */
    private static final List<String> BEDSIDE_STEPS = List.of("bedside-verified", "administered",
            "bedside-verified-refused", "administered-refused");

    @Test
    void everyResourceOfEveryTrialIsValidR4() throws Exception {
        Map<String, List<String>> errors = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            for (Export e : exports(t)) {
                String name = t.seed() + (e.blinded() ? " blinded" : " unblinded");
                String bundle = e.file(FhirExport.BUNDLE).text();
                List<String> found = FhirValidation.errors(bundle);
                if (!found.isEmpty()) {
                    errors.put(name, found.size() > 20 ? found.subList(0, 20) : found);
                }
                if (warnings.isEmpty()) {
                    warnings.addAll(kinds(FhirValidation.messages(bundle)));
                }
            }
        }
        Files.createDirectories(Path.of("target", "exports"));
        Files.write(Path.of("target", "exports", "fhir-validation-warnings.txt"), warnings);
        assertThat(errors).isEmpty();
    }

    /**
     * The validator is no rubber stamp: each resource below, spoiled in one code, fails — a status or a severity R4
     * does not have, a unit UCUM does not have, a phase or a participant type HL7's code systems lack, a reference to
     * an entry of the wrong type. And what it cannot check offline passes: a LOINC code that does not exist (no LOINC
     * is shipped with the validator). A reference to no entry at all it lets pass too: the next test checks them.
     */
    @Test
    void theValidatorFindsWhatIsWrongAndPassesWhatItCannotCheck() throws Exception {
        Export e = SimulatedExports.all().get(0).unblinded().get(ExportFormat.FHIR);
        assertThat(spoiled(e, "Observation", "\"status\":\"final\"", "\"status\":\"finished\"")).isNotEmpty();
        assertThat(spoiled(e, "Observation", "\"code\":\"mL/kg/min\"", "\"code\":\"mL/kgg/min\"")).isNotEmpty();
        assertThat(spoiled(e, "Observation", "\"code\":\"mm[Hg]\"", "\"code\":\"mmHgg\"")).isNotEmpty();
        assertThat(spoiled(e, "AdverseEvent", "\"code\":\"mild\"", "\"code\":\"slight\"")).isNotEmpty();
        assertThat(spoiled(e, "ResearchStudy", "\"code\":\"phase-", "\"code\":\"stage-")).isNotEmpty();
        assertThat(spoiled(e, "Provenance", "\"code\":\"performer\"", "\"code\":\"doer\"")).isNotEmpty();
        assertThat(spoiled(e, "Observation", "\"code\":\"8480-6\"", "\"code\":\"8480-9\"")).isEmpty();
        // a subject that is a study: resolved within the bundle, and the wrong type for Observation.subject
        String bundle = e.file(FhirExport.BUNDLE).text();
        String study = resources(e).stream().filter(r -> r.fhirType().equals("ResearchStudy")).findFirst()
                .map(r -> fullUrlOf(bundle, r)).orElseThrow();
        String wrongTarget = bundle.replaceFirst("(?<head>\"subject\": \\{\\s*\"reference\": \")urn:uuid:[0-9a-f-]+",
                "${head}" + study);
        assertThat(wrongTarget).isNotEqualTo(bundle);
        assertThat(FhirValidation.errors(wrongTarget)).as("a reference to a resource of the wrong type").isNotEmpty();
    }

    /** The errors of the first resource of a type that holds a text, with the text replaced. */
    private static List<String> spoiled(Export e, String type, String text, String replacement) {
        String resource = e.file(type + FhirExport.NDJSON).text().lines().filter(l -> l.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " holds " + text));
        return FhirValidation.errors(resource.replace(text, replacement));
    }

    /** Every reference of the bundle is to one of its entries; every reference of the NDJSON files to one of theirs. */
    @Test
    void everyReferenceIsToAResourceOfTheExport() throws Exception {
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            for (Export e : exports(t)) {
                Bundle bundle = JSON.parseResource(Bundle.class, e.file(FhirExport.BUNDLE).text());
                Set<String> entries = new HashSet<>();
                bundle.getEntry().forEach(x -> entries.add(x.getFullUrl()));
                for (Bundle.BundleEntryComponent x : bundle.getEntry()) {
                    assertThat(references(x.getResource())).as(t.seed() + " " + x.getFullUrl())
                            .allMatch(entries::contains);
                }
                Set<String> lines = new HashSet<>();
                List<Resource> ndjson = new ArrayList<>();
                for (ExportedFile f : e.files()) {
                    if (f.name().endsWith(FhirExport.NDJSON)) {
                        f.text().lines().map(l -> (Resource) JSON.parseResource(l)).forEach(ndjson::add);
                    }
                }
                ndjson.forEach(r -> lines.add(r.fhirType() + "/" + r.getIdElement().getIdPart()));
                for (Resource r : ndjson) {
                    assertThat(references(r)).as(t.seed() + " " + r.getId()).allMatch(lines::contains);
                }
            }
        }
    }

    /** The literal references a resource makes (a reference by identifier or display only names no resource). */
    private static List<String> references(Resource r) {
        return TERSER.getAllPopulatedChildElementsOfType(r, Reference.class).stream().filter(Reference::hasReference)
                .map(Reference::getReference).toList();
    }

    private static String fullUrlOf(String bundle, Resource r) {
        Bundle b = JSON.parseResource(Bundle.class, bundle);
        return b.getEntry().stream().filter(x -> x.getResource().fhirType().equals(r.fhirType())
                && x.getResource().getIdElement().getIdPart().equals(r.getIdElement().getIdPart()))
                .map(Bundle.BundleEntryComponent::getFullUrl).findFirst().orElseThrow();
    }

    /**
     * A resource has the same id in every export of the trial: what a blinded export holds, the unblinded holds. In an
     * open-label trial, where nobody is masked, the two are the same resource for resource.
     */
    @Test
    void aBlindedExportsIdsAreTheUnblindedOnes() throws Exception {
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            List<String> unblinded = resources(t.unblinded().get(ExportFormat.FHIR)).stream()
                    .map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart()).toList();
            List<String> blinded = resources(t.blinded().get(ExportFormat.FHIR)).stream()
                    .map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart()).toList();
            assertThat(unblinded).as(t.seed()).containsAll(blinded);
            if (!t.masked()) {
                for (ExportedFile f : t.unblinded().get(ExportFormat.FHIR).files()) {
                    if (f.name().endsWith(FhirExport.NDJSON)) {
                        assertThat(t.blinded().get(ExportFormat.FHIR).file(f.name()).text()).as(t.seed() + " "
                                + f.name()).isEqualTo(f.text());
                    }
                }
            }
        }
    }

    @Test
    void theNdjsonFilesHoldTheBundlesResources() throws Exception {
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            for (Export e : exports(t)) {
                Map<String, List<String>> inBundle = new LinkedHashMap<>();
                for (Resource r : resources(e)) {
                    inBundle.computeIfAbsent(r.fhirType(), k -> new ArrayList<>()).add(r.getIdElement().getIdPart());
                }
                Map<String, List<String>> inNdjson = new LinkedHashMap<>();
                for (ExportedFile f : e.files()) {
                    if (!f.name().endsWith(FhirExport.NDJSON)) {
                        continue;
                    }
                    String type = f.name().substring(0, f.name().length() - FhirExport.NDJSON.length());
                    for (String line : f.text().split("\n")) {
                        Resource r = (Resource) JSON.parseResource(line);
                        assertThat(r.fhirType()).isEqualTo(type);
                        inNdjson.computeIfAbsent(type, k -> new ArrayList<>()).add(r.getIdElement().getIdPart());
                    }
                }
                assertThat(inNdjson).as(t.seed()).isEqualTo(inBundle);
                assertThat(inBundle.keySet()).as(t.seed()).contains("ResearchStudy", "Patient", "ResearchSubject",
                        "Observation", "BiologicallyDerivedProduct", "Provenance");
            }
        }
    }

    @Test
    void aBlindedExportOfAMaskedTrialTiesNoSubjectToAnArm() throws Exception {
        int masked = 0;
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            if (!t.masked()) {
                continue;
            }
            masked++;
            for (Resource r : resources(t.blinded().get(ExportFormat.FHIR))) {
                if (r instanceof ResearchSubject s) {
                    assertThat(s.hasAssignedArm() || s.hasActualArm()).as(t.seed() + " " + s.getId()).isFalse();
                }
                if (r instanceof Provenance p) {
                    assertThat(p.getActivity().getCoding()).extracting(Coding::getCode).as(t.seed() + " " + p.getId())
                            .allMatch(BEDSIDE_STEPS::contains);
                }
                if (r instanceof BiologicallyDerivedProduct p) {
                    assertThat(p.hasProductCategory() || p.hasProductCode() || p.hasQuantity() || p.hasCollection()
                            || p.hasProcessing()).as(t.seed() + " " + p.getId()).isFalse();
                }
                if (!r.fhirType().equals("ResearchStudy")) {
                    String json = JSON.encodeResourceToString(r);
                    for (String arm : t.armWords()) {
                        assertThat(json).as(t.seed() + " " + r.getId()).doesNotContain(arm);
                    }
                }
            }
        }
        assertThat(masked).as("masked reference trials").isPositive();
    }

    @Test
    void anUnblindedExportGivesTheArmsAndTheWholeChain() throws Exception {
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            List<Resource> resources = resources(t.unblinded().get(ExportFormat.FHIR));
            assertThat(resources).filteredOn(r -> r instanceof ResearchSubject s && s.hasAssignedArm())
                    .as(t.seed()).isNotEmpty();
            assertThat(resources).filteredOn(r -> r instanceof Provenance p && p.getActivity().getCoding().stream()
                    .noneMatch(c -> BEDSIDE_STEPS.contains(c.getCode()))).as(t.seed() + ": the lab's steps")
                    .isNotEmpty();
        }
    }

    /**
     * The kinds of message the validator gave, each once with how often: the message without where it was and with
     * Stroma's own codes and ids left out, so that what the validator leaves unchecked can be read in a few lines.
     */
    private static List<String> kinds(List<String> messages) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String m : messages) {
            String kind = m.replaceAll(" Bundle\\.entry\\[\\d+\\][^:]*:", "")
                    .replaceAll("for '[^']*'", "for '…'");
            counts.merge(kind, 1, Integer::sum);
        }
        return counts.entrySet().stream().map(e -> e.getValue() + "\t" + e.getKey()).toList();
    }

    private static List<Export> exports(SimulatedExports.Trial t) {
        return List.of(t.blinded().get(ExportFormat.FHIR), t.unblinded().get(ExportFormat.FHIR));
    }

    private static List<Resource> resources(Export e) {
        Bundle bundle = JSON.parseResource(Bundle.class, e.file(FhirExport.BUNDLE).text());
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
    }
}
