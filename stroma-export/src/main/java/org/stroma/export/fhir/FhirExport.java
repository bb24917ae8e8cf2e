package org.stroma.export.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.util.FhirTerser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.stroma.export.ExportException;
import org.stroma.export.ExportSource;
import org.stroma.export.ExportedFile;
import org.stroma.trial.subject.Subject;

/**
 * A trial as FHIR R4 resources, written twice: as one transaction Bundle ({@value #BUNDLE}) and as FHIR Bulk Data
 * NDJSON, one file per resource type ({@code Patient.ndjson}, …) with one resource per line.
 *
 * <p>The bundle is a transaction of PUTs to each resource's own id, not a collection: the ids are stable (see
 * {@link FhirIds}), so a server that is sent the export again after more follow-up updates what it holds instead of
 * adding a second copy of every subject. The NDJSON files are what a bulk loader or an analysis pipeline reads line by
 * line without parsing a bundle of thousands of entries; they hold the same resources.
 *
 * <p>The resources: the ResearchStudy with its sponsor, sites and enrollment; per subject a Patient and a
 * ResearchSubject, an Observation per captured item, the adverse events, and the products with a Provenance per step
 * of their chain of custody — each as the export's role may see it.
 */
public final class FhirExport {
    public static final String BUNDLE = "bundle.json";
    /** The suffix of the Bulk Data files, one per resource type. */
    public static final String NDJSON = ".ndjson";

    private final ExportSource source;

    private FhirExport(ExportSource source) {
        this.source = source;
    }

    /** The one FHIR context of the JVM: making it reads the whole R4 model, which takes seconds. */
    static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    public static List<ExportedFile> files(ExportSource source) {
        List<Resource> resources = new FhirExport(source).resources();
        List<ExportedFile> files = new ArrayList<>();
        files.add(ExportedFile.text(BUNDLE, bundle(source, resources)));
        Map<String, StringBuilder> byType = new LinkedHashMap<>();
        IParser line = context().newJsonParser().setPrettyPrint(false);
        for (Resource r : resources) {
            byType.computeIfAbsent(r.fhirType(), t -> new StringBuilder()).append(line.encodeResourceToString(r))
                    .append('\n');
        }
        byType.forEach((type, text) -> files.add(ExportedFile.text(type + NDJSON, text.toString())));
        return files;
    }

    private List<Resource> resources() {
        FormItemCodes codes = FormItemCodes.shipped();
        List<Resource> out = new ArrayList<>(new StudyResources(source).resources());
        SubjectResources subjects = new SubjectResources(source);
        ObservationResources observations = new ObservationResources(source, codes);
        AdverseEventResources adverseEvents = new AdverseEventResources(source);
        ProductResources products = new ProductResources(source);
        for (Subject s : source.subjects()) {
            out.addAll(subjects.resources(s));
            out.addAll(observations.resources(s.id()));
            out.addAll(adverseEvents.resources(s.id()));
            out.addAll(products.resources(s.id()));
        }
        requireDistinctIds(out);
        return out;
    }

    /**
     * Two of Stroma's names that differ only in what a FHIR id cannot hold ("a_b" and "a b") would make one id; a
     * receiving server would keep only the second resource. Refused rather than written.
     */
    private void requireDistinctIds(List<Resource> resources) {
        Set<String> seen = new HashSet<>();
        for (Resource r : resources) {
            String id = r.fhirType() + "/" + r.getIdElement().getIdPart();
            if (!seen.add(id)) {
                throw new ExportException("two resources of the FHIR export of " + source.design().trial()
                        + " would have the id " + id + ": their names in Stroma differ only in characters a FHIR id"
                        + " cannot hold");
            }
        }
    }

    private static String bundle(ExportSource source, List<Resource> resources) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.TRANSACTION);
        bundle.setIdentifier(new Identifier().setSystem("https://stroma.org/export").setValue(
                FhirIds.of(source.design().trial(), source.blinded() ? "blinded" : "unblinded",
                        String.valueOf(source.exportedAt().toEpochMilli()))));
        bundle.setTimestampElement(Times.instant(source.exportedAt()));
        FhirTerser terser = context().newTerser();
        for (Resource r : resources) {
            Resource entry = r.copy();
            for (Reference ref : terser.getAllPopulatedChildElementsOfType(entry, Reference.class)) {
                if (ref.hasReference()) {
                    ref.setReference(fullUrl(ref.getReference()));
                }
            }
            String url = r.fhirType() + "/" + r.getIdElement().getIdPart();
            bundle.addEntry().setFullUrl(fullUrl(url)).setResource(entry).getRequest()
                    .setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
        }
        return context().newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
    }

    /**
     * A resource's full URL in the bundle: a UUID made from its type and id, the same in every export. A transaction
     * names its entries by such URNs, and the receiving server turns each reference to one into "Type/id" as the
     * entry's PUT gives it; the NDJSON files, which no server rewrites, refer by "Type/id" directly.
     */
    private static String fullUrl(String typeAndId) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(typeAndId.getBytes(StandardCharsets.UTF_8));
    }
}
