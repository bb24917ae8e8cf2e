package org.stroma.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 93 real registry records of the fixtures and the five reference trials in one index: fielded search finds what
 * each field says, and each reference trial's related trials are trials of its own disease area.
 */
class RegistrySearchTest {
    @TempDir
    static Path folder;
    static RegistryIndex index;
    static RegistryRecords.Tally tally;

    @BeforeAll
    static void build() throws IOException, URISyntaxException {
        index = RegistryIndex.open(folder.resolve("index"));
        tally = RegistryRecords.read(List.of(fixture("registry"), fixture("ctgov"), fixture("seeds")), index::add);
        index.commit();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(RegistrySearchTest.class.getResource("/fixtures/" + name).toURI());
    }

    @Test
    void everyRecordIsIndexedOnce() throws IOException, URISyntaxException {
        assertThat(tally.unread()).isEmpty();
        assertThat(index.size()).isEqualTo(93 + 5);
        // a record added again replaces itself
        RegistryRecords.read(List.of(fixture("seeds")), index::add);
        index.commit();
        assertThat(index.size()).isEqualTo(98);
    }

    /** The words that say a trial's disease area, read in its conditions. */
    private static final Map<String, List<String>> AREAS = Map.of(
            "cardiac", List.of("heart", "cardi", "myocard", "coronary", "angina", "ischemic", "ischaemic"),
            "multiple sclerosis", List.of("sclerosis", "demyelinat"),
            // ACESO-IHD's patients have both: diabetes trials are related to it as well as cardiac ones
            "cardiac or diabetes", List.of("heart", "cardi", "myocard", "coronary", "angina", "ischemic", "ischaemic",
                    "diabet"));

    private static boolean inArea(TrialHit hit, String area) {
        String conditions = String.join(" ", hit.conditions()).toLowerCase(Locale.ROOT) + " " + hit.title()
                .toLowerCase(Locale.ROOT);
        return AREAS.get(area).stream().anyMatch(conditions::contains);
    }

    /**
     * However many trials of its area the index holds, they come first: the related trials of a reference trial are,
     * as far as there are any, trials of its own disease area (the corpus holds three multiple sclerosis trials and
     * some twenty cardiac ones).
     */
    @Test
    void eachReferenceTrialsRelatedTrialsAreOfItsDiseaseArea() throws IOException {
        Map<String, String> reference = Map.of("NCT02462330", "cardiac", "NCT04776239", "cardiac or diabetes", "NCT04325594",
                "cardiac", "NCT02403947", "multiple sclerosis", "NCT01854957", "multiple sclerosis");
        List<TrialHit> everything = index.search(new RegistryQuery(null, null, null, null, null, null, null, null),
                200);
        for (var trial : reference.entrySet()) {
            long others = everything.stream().filter(hit -> !hit.nctId().equals(trial.getKey()))
                    .filter(hit -> inArea(hit, trial.getValue())).count();
            int expected = (int) Math.min(5, others);
            List<TrialHit> related = index.related(trial.getKey(), 5);
            assertThat(related).as(trial.getKey()).hasSize(5);
            assertThat(related).extracting(TrialHit::nctId).doesNotContain(trial.getKey());
            assertThat(related.subList(0, expected)).as(trial.getKey() + " related " + related).allSatisfy(hit ->
                    assertThat(inArea(hit, trial.getValue())).as(hit.nctId() + " " + hit.conditions()).isTrue());
        }
        // MESAMI2's first related trials are the other cardiac trials of a cell product
        List<TrialHit> cardiacCells = everything.stream().filter(hit -> !hit.nctId().equals("NCT02462330"))
                .filter(hit -> inArea(hit, "cardiac") && !hit.cellProducts().isEmpty()).toList();
        assertThat(cardiacCells).hasSizeGreaterThanOrEqualTo(3);
        assertThat(index.related("NCT02462330", cardiacCells.size())).extracting(TrialHit::nctId)
                .containsExactlyInAnyOrderElementsOf(cardiacCells.stream().map(TrialHit::nctId).toList());
        assertThat(index.related("NCT00000000", 5)).isEmpty();
    }

    @Test
    void fieldsNarrowTheSearch() throws IOException {
        List<TrialHit> phase2HeartFailure = index.search(new RegistryQuery(null, "heart failure", null, "Phase 2",
                null, null, null, null), 100);
        assertThat(phase2HeartFailure).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.phases()).contains("Phase 2");
            assertThat(String.join(" ", hit.conditions()).toLowerCase(Locale.ROOT)).contains("heart failure");
        });
        List<TrialHit> phase2 = index.search(new RegistryQuery(null, null, null, "PHASE2", null, null, null, null),
                200);
        assertThat(phase2).isNotEmpty().allSatisfy(hit -> assertThat(hit.phases()).contains("Phase 2"));
        assertThat(index.search(new RegistryQuery(null, null, null, "2", null, null, null, null), 200))
                .extracting(TrialHit::nctId).containsExactlyInAnyOrderElementsOf(phase2.stream().map(TrialHit::nctId)
                        .toList());

        List<TrialHit> recruiting = index.search(new RegistryQuery(null, null, null, null, "recruiting", null, null,
                null), 200);
        assertThat(recruiting).isNotEmpty().allSatisfy(hit -> assertThat(hit.status()).isEqualTo("Recruiting"));

        List<TrialHit> mesenchymal = index.search(new RegistryQuery(null, null, null, null, null, null, null,
                "mesenchymal"), 200);
        List<TrialHit> cells = index.search(new RegistryQuery(null, null, null, null, null, null, null, "any"), 200);
        assertThat(mesenchymal).isNotEmpty().allSatisfy(hit -> assertThat(String.join(" ", hit.cellProducts()))
                .contains("mesenchymal"));
        assertThat(cells).extracting(TrialHit::nctId).containsAll(mesenchymal.stream().map(TrialHit::nctId).toList());
        assertThat(cells).allSatisfy(hit -> assertThat(hit.cellProducts()).isNotEmpty());
        List<TrialHit> open = index.search(new RegistryQuery(null, null, null, null, null, null, "open label", null),
                200);
        List<TrialHit> quadruple = index.search(new RegistryQuery(null, null, null, null, null, null, "quadruple",
                null), 200);
        assertThat(open).isNotEmpty().extracting(TrialHit::nctId).doesNotContainAnyElementsOf(quadruple.stream()
                .map(TrialHit::nctId).toList());

        List<TrialHit> crossover = index.search(new RegistryQuery(null, null, null, null, null, null,
                "Crossover Assignment", null), 200);
        assertThat(crossover).extracting(TrialHit::nctId).contains("NCT01854957");
        assertThat(index.search(new RegistryQuery(null, null, null, null, null, "france", null, null), 200))
                .extracting(TrialHit::nctId).contains("NCT02462330");
        assertThat(index.search(new RegistryQuery(null, null, null, null, null, "Spain", null, null), 200))
                .isNotEmpty().extracting(TrialHit::nctId).doesNotContain("NCT02462330");
        assertThat(index.search(RegistryQuery.text("cardiomyopathies mesenchymal"), 10)).extracting(TrialHit::nctId)
                .contains("NCT02462330");
    }

    @Test
    void aReaderSeesWhatTheWriterCommitsAndATrialNotIndexedHasRelatedTrials() throws Exception {
        Path other = folder.resolve("other");
        try (RegistryIndex writer = RegistryIndex.open(other); RegistryIndex reader = RegistryIndex.reading(other)) {
            assertThat(reader.size()).isZero();
            RegistryRecords.read(List.of(fixture("registry").resolve("api-v2"), fixture("ctgov").resolve("api-v2")),
                    writer::add);
            writer.commit();
            assertThat(reader.size()).isEqualTo(47);
            // MESAMI2 is not in this index (API v2 records only, one of them cardiac): its related trials are found
            // from its record, the cardiac one first
            org.stroma.protocol.Protocol mesami2 = new org.stroma.protocol.registry.RegistryImporter().read(
                    Files.readAllBytes(fixture("seeds").resolve("000_b4a57771c457638a.txt"))).get(0).protocol();
            List<TrialHit> related = reader.related(mesami2, 3);
            assertThat(related).hasSize(3).first().satisfies(hit -> assertThat(inArea(hit, "cardiac")).isTrue());
            assertThatThrownBy(() -> reader.add(mesami2)).isInstanceOf(IllegalStateException.class);
        }
        try (RegistryIndex none = RegistryIndex.reading(folder.resolve("none"))) {
            assertThat(none.exists()).isFalse();
            assertThat(none.search(RegistryQuery.text("heart"), 5)).isEmpty();
        }
    }

    @Test
    void aSearchTextLuceneCannotReadIsRefusedSayingSo() {
        assertThatThrownBy(() -> index.search(RegistryQuery.text("heart AND (failure"), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the search text cannot be read");
    }

    @Test
    void aFieldWithNoWordToSearchIsRefusedSayingSo() {
        assertThatThrownBy(() -> index.search(new RegistryQuery(null, "the", null, null, null, null, null, null), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no word to search for");
    }

    @Test
    void aBulkDownloadWithDamageKeepsEveryStudyItCanRead() throws IOException, URISyntaxException {
        Path v2 = fixture("registry").resolve("api-v2");
        List<Path> studies;
        try (var files = Files.list(v2)) {
            studies = files.sorted().limit(2).toList();
        }
        String withoutId = Files.readString(studies.get(1)).replaceFirst("\"nctId\"\\s*:\\s*\"NCT\\d+\",?", "");
        Path download = folder.resolve("damaged-ctg-studies.json");
        Files.writeString(download, "[" + Files.readString(studies.get(0)) + ", null, " + withoutId + ", {\"a\": ");
        RegistryRecords.Tally read;
        try (RegistryIndex damaged = RegistryIndex.open(folder.resolve("damaged"))) {
            read = RegistryRecords.read(List.of(download), damaged::add);
            damaged.commit();
            // the first study; the one without an NCT number is refused by the index, not kept under none
            assertThat(damaged.size()).isEqualTo(1);
        }
        assertThat(read.unread()).extracting(RegistryRecords.Unread::where).anySatisfy(w -> assertThat(w)
                .endsWith("element 2")).anySatisfy(w -> assertThat(w).endsWith("element 3"))
                .anySatisfy(w -> assertThat(w).contains("after element"));
    }

    @Test
    void aBulkDownloadIsReadStudyByStudy() throws IOException, URISyntaxException {
        Path v2 = fixture("registry").resolve("api-v2");
        StringBuilder array = new StringBuilder("[");
        try (var files = Files.list(v2)) {
            for (Path f : files.sorted().limit(3).toList()) {
                array.append(array.length() > 1 ? "," : "").append(Files.readString(f));
            }
        }
        array.append(",{\"protocolSection\": 5}]");
        Path download = folder.resolve("ctg-studies.json");
        Files.writeString(download, array);
        List<String> ids = new java.util.ArrayList<>();
        RegistryRecords.Tally read = RegistryRecords.read(List.of(download), p -> ids.add(p.identification()
                .nctId()));
        assertThat(read.read()).isEqualTo(3);
        assertThat(ids).hasSize(3).allSatisfy(id -> assertThat(id).startsWith("NCT"));
        assertThat(read.unread()).singleElement().satisfies(u -> assertThat(u.where()).endsWith("element 4"));
    }
}
