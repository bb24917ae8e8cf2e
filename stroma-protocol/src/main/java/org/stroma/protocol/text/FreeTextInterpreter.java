package org.stroma.protocol.text;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.stroma.protocol.Arm;
import org.stroma.protocol.ArmType;
import org.stroma.protocol.CellProduct;
import org.stroma.protocol.CellType;
import org.stroma.protocol.Crossover;
import org.stroma.protocol.Design;
import org.stroma.protocol.Dose;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.Intervention;
import org.stroma.protocol.InterventionModel;
import org.stroma.protocol.InterventionType;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.Placebo;
import org.stroma.protocol.ProductSource;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.Provenance;
import org.stroma.protocol.Range;
import org.stroma.protocol.Route;
import org.stroma.protocol.Tissue;
import org.stroma.protocol.TimeFrame;

/**
 * The step after reading any registry format: reads meaning from the record's free text (individual eligibility
 * criteria, outcome time frames, cell products and doses, placebo compositions, the crossover switch) and records
 * where each came from. Every format goes through it, so a record means the same whichever format it came in.
 */
public final class FreeTextInterpreter {
    /** Tissues whose cells always come from a donor. */
    private static final Set<Tissue> DONOR_TISSUES = EnumSet.of(Tissue.UMBILICAL_CORD, Tissue.WHARTONS_JELLY,
            Tissue.CORD_BLOOD, Tissue.PLACENTA, Tissue.AMNION, Tissue.MENSTRUAL_BLOOD);
    /** Intervention types that can administer cells. */
    private static final Set<InterventionType> CELL_CAPABLE = EnumSet.of(InterventionType.DRUG,
            InterventionType.BIOLOGICAL, InterventionType.GENETIC, InterventionType.COMBINATION_PRODUCT,
            InterventionType.PROCEDURE, InterventionType.OTHER);

    private static final java.util.regex.Pattern NOT_CELLS = java.util.regex.Pattern.compile(
            "^\\s*(?:no|non|without)\\b|\\bwithout (?:cells|msc|mscs|stem)|\\bcell-free\\b|\\bcontrol\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private FreeTextInterpreter() {
    }

    public static Protocol interpret(Protocol protocol) {
        Provenance.Builder provenance = new Provenance.Builder(protocol.provenance());
        Eligibility eligibility = criteria(protocol, provenance);
        List<Outcome> outcomes = outcomes(protocol, provenance);
        List<Intervention> interventions = cellProducts(protocol, provenance);
        List<Arm> arms = placebos(protocol, provenance);
        Design design = crossover(protocol, provenance);
        return protocol.withInterpretation(design, arms, interventions, outcomes, eligibility, provenance.build());
    }

    private static Eligibility criteria(Protocol protocol, Provenance.Builder provenance) {
        Eligibility eligibility = protocol.eligibility();
        if (eligibility == null || eligibility.criteriaText() == null || eligibility.criteriaText().isBlank()) {
            provenance.missing("eligibility.inclusion", "the record gives no eligibility criteria");
            return eligibility;
        }
        CriteriaSplitter.Split split = CriteriaSplitter.split(eligibility.criteriaText());
        if (split.headingsFound()) {
            provenance.read("eligibility.inclusion", "eligibility.criteriaText", split.inclusion());
            provenance.read("eligibility.exclusion", "eligibility.criteriaText", split.exclusion());
        } else {
            provenance.inferred("eligibility.inclusion", "eligibility.criteriaText",
                    "the criteria have no inclusion/exclusion headings; all are taken as inclusion criteria");
        }
        return eligibility.withCriteria(split.inclusion(), split.exclusion());
    }

    private static List<Outcome> outcomes(Protocol protocol, Provenance.Builder provenance) {
        List<Outcome> outcomes = protocol.outcomes();
        if (outcomes.isEmpty()) {
            for (String field : List.of("detailedDescription", "briefSummary")) {
                String text = field.equals("detailedDescription") ? protocol.detailedDescription()
                        : protocol.briefSummary();
                List<Outcome> inferred = OutcomesFromDescription.infer(text);
                if (!inferred.isEmpty()) {
                    outcomes = inferred;
                    provenance.inferred("outcomes", field, "the record lists no outcome measures; "
                            + inferred.size() + " were taken from the " + field + " text");
                    break;
                }
            }
        }
        if (outcomes.isEmpty()) {
            provenance.missing("outcomes", "the record lists no outcome measures and its description states none");
            return outcomes;
        }
        List<Outcome> read = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            TimeFrame timeFrame = TimeFrameReader.read(outcome.timeFrameText());
            String field = "outcomes[" + i + "].timeFrame";
            if (timeFrame.understood()) {
                provenance.read(field, "outcomes[" + i + "].timeFrameText", timeFrame);
            } else if (outcome.timeFrameText() == null || outcome.timeFrameText().isBlank()) {
                provenance.missing(field, "no time frame is given for \"" + outcome.measure() + "\"");
            } else {
                provenance.missing(field, "the time frame \"" + outcome.timeFrameText() + "\" names no time point or"
                        + " period Stroma can read");
            }
            read.add(outcome.withTimeFrame(timeFrame));
        }
        return read;
    }

    /**
     * One text that may describe an intervention, where it is, and whether reading from it is an inference. The text
     * is cleaned once, here, rather than by every reader.
     */
    private record Passage(String field, String text, boolean inference) {
        Passage {
            text = RegistryText.clean(text);
        }
    }

    private static List<Intervention> cellProducts(Protocol protocol, Provenance.Builder provenance) {
        List<Intervention> result = new ArrayList<>();
        for (int i = 0; i < protocol.interventions().size(); i++) {
            Intervention intervention = protocol.interventions().get(i);
            if (!administersCells(intervention)) {
                result.add(intervention);
                continue;
            }
            result.add(intervention.withCellProduct(cellProduct(protocol, intervention, i, provenance)));
        }
        return result;
    }

    /**
     * Whether an intervention gives cells. Its name or other names say so ("Autologous MSC", "UC-MSC"); or, for a
     * biological product or one whose description gives a cell count, its description does. Drugs whose descriptions
     * only mention cells ("the dose depends on T cell numbers"), placebos, and "no cells"/"cell-free" controls do not.
     */
    private static boolean administersCells(Intervention intervention) {
        if (!CELL_CAPABLE.contains(intervention.type()) || PlaceboReader.mentionsPlacebo(intervention.name())
                || NOT_CELLS.matcher(intervention.name() == null ? "" : intervention.name()).find()) {
            return false;
        }
        String names = RegistryText.clean(String.join(" ", nonNull(intervention.name(),
                String.join(" ", intervention.otherNames()))));
        if (CellProductReader.cellType(names) != null) {
            return true;
        }
        String description = RegistryText.clean(intervention.description());
        return description != null && CellProductReader.cellType(description) != null
                && (intervention.type() == InterventionType.BIOLOGICAL || intervention.type() == InterventionType.GENETIC
                || !CellCountReader.find(description).isEmpty());
    }

    private static CellProduct cellProduct(Protocol protocol, Intervention intervention, int index,
            Provenance.Builder provenance) {
        String at = "interventions[" + index + "]";
        List<Passage> passages = new ArrayList<>();
        passages.add(new Passage(at + ".name", intervention.name(), false));
        passages.add(new Passage(at + ".description", intervention.description(), false));
        for (int k = 0; k < intervention.otherNames().size(); k++) {
            passages.add(new Passage(at + ".otherNames[" + k + "]", intervention.otherNames().get(k), false));
        }
        for (int a = 0; a < protocol.arms().size(); a++) {
            Arm arm = protocol.arms().get(a);
            if (arm.links(intervention) || arm.label() != null && intervention.armGroupLabels().contains(arm.label())) {
                passages.add(new Passage("arms[" + a + "].description", arm.description(), false));
            }
        }
        if (protocol.design() != null) {
            passages.add(new Passage("design.interventionModelDescription",
                    protocol.design().interventionModelDescription(), true));
        }
        passages.add(new Passage("detailedDescription", protocol.detailedDescription(), true));
        passages.add(new Passage("briefSummary", protocol.briefSummary(), true));

        String field = at + ".cellProduct";
        CellType cellType = find(passages.subList(0, 2 + intervention.otherNames().size()), CellProductReader::cellType,
                field + ".cellType", provenance);
        ProductSource source = find(passages, CellProductReader::source, field + ".source", provenance);
        Tissue tissue = findByPassage(passages, (passage, text) -> passage.inference()
                ? CellProductReader.tissueOfCells(text) : CellProductReader.tissue(text), field + ".tissue", provenance);
        if (source == null && tissue != null && DONOR_TISSUES.contains(tissue)) {
            source = ProductSource.ALLOGENEIC;
            provenance.inferred(field + ".source", field + ".tissue",
                    "cells from " + tissue.label() + " come from a donor, so the product is allogeneic");
        }
        Route route = find(passages, RouteReader::read, field + ".route", provenance);
        Dose dose = dose(passages, field + ".dose", provenance);
        Range cultureDays = find(passages, CellProductReader::cultureDays, field + ".cultureDays", null);
        String vehicle = find(passages, CellProductReader::vehicle, field + ".vehicle", null);
        String device = find(passages, CellProductReader::deliveryDevice, field + ".deliveryDevice", null);
        for (String attribute : List.of("source", "tissue", "route", "dose")) {
            if (!provenance.has(field + "." + attribute)) {
                provenance.missing(field + "." + attribute, "the record does not say the product's " + attribute);
            }
        }
        return new CellProduct(source, tissue, cellType, dose, route, vehicle, cultureDays, device);
    }

    private static Dose dose(List<Passage> passages, String field, Provenance.Builder provenance) {
        for (Passage passage : passages) {
            DoseReader.Read read = passage.text() == null ? null : DoseReader.read(passage.text());
            if (read != null) {
                if (read.interpretation() != null || passage.inference()) {
                    String why = read.interpretation() != null ? read.interpretation()
                            : "taken from the study's " + passage.field() + ", not from the intervention or its arm";
                    provenance.inferred(field, passage.field(), why);
                } else {
                    provenance.read(field, passage.field(), read.dose());
                }
                return read.dose();
            }
        }
        return null;
    }

    /** The first value a reader finds in the passages, recording where it was found (when a field is given). */
    private static <T> T find(List<Passage> passages, Function<String, T> reader, String field,
            Provenance.Builder provenance) {
        return findByPassage(passages, (passage, text) -> reader.apply(text), field, provenance);
    }

    /** As above, with a reader that may read differently by passage (stricter in text about the whole study). */
    private static <T> T findByPassage(List<Passage> passages, BiFunction<Passage, String, T> reader, String field,
            Provenance.Builder provenance) {
        for (Passage passage : passages) {
            T value = passage.text() == null ? null : reader.apply(passage, passage.text());
            if (value != null) {
                if (provenance != null) {
                    if (passage.inference()) {
                        provenance.inferred(field, passage.field(),
                                "taken from the study's " + passage.field() + ", not from the intervention or its arm");
                    } else {
                        provenance.read(field, passage.field(), value);
                    }
                }
                return value;
            }
        }
        return null;
    }

    private static List<Arm> placebos(Protocol protocol, Provenance.Builder provenance) {
        List<Arm> result = new ArrayList<>();
        for (int a = 0; a < protocol.arms().size(); a++) {
            Arm arm = protocol.arms().get(a);
            boolean typed = arm.type() == ArmType.PLACEBO_COMPARATOR || arm.type() == ArmType.SHAM_COMPARATOR;
            boolean named = PlaceboReader.mentionsPlacebo(arm.label());
            if (!typed && !named) {
                result.add(arm);
                continue;
            }
            List<Intervention> linked = protocol.interventionsOf(arm).stream()
                    .filter(i -> i.cellProduct() == null).toList();
            List<String> descriptions = new ArrayList<>();
            descriptions.add(arm.description());
            linked.forEach(i -> descriptions.add(i.description()));
            List<String> names = new ArrayList<>();
            linked.forEach(i -> names.addAll(i.otherNames()));
            linked.forEach(i -> names.add(i.name()));
            names.add(arm.label());
            String composition = PlaceboReader.composition(descriptions, names);
            List<String> routeTexts = new ArrayList<>(descriptions);
            Route route = routeTexts.stream().map(t -> RouteReader.read(RegistryText.clean(t)))
                    .filter(r -> r != null).findFirst().orElse(null);
            String field = "arms[" + a + "].placebo";
            if (!typed) {
                provenance.inferred(field, "arms[" + a + "].label", "the arm is registered as "
                        + (arm.type() == null ? "untyped" : arm.type().label()) + " but its label names a placebo");
            } else if (composition != null) {
                provenance.read(field, "arms[" + a + "]", composition);
            }
            if (composition == null) {
                provenance.missing(field + ".composition", "the record does not say what the placebo is made of");
            }
            result.add(arm.withPlacebo(new Placebo(composition, route)));
        }
        return result;
    }

    private static Design crossover(Protocol protocol, Provenance.Builder provenance) {
        Design design = protocol.design();
        if (design == null || design.interventionModel() != InterventionModel.CROSSOVER) {
            return design;
        }
        List<String> armTexts = protocol.arms().stream().map(Arm::description).toList();
        Crossover crossover = CrossoverReader.read(armTexts);
        if (crossover != null) {
            provenance.read("design.crossover", "arms[].description", crossover);
            return design.withCrossover(crossover);
        }
        List<String> studyTexts = new ArrayList<>();
        studyTexts.add(design.interventionModelDescription());
        protocol.interventions().forEach(i -> studyTexts.add(i.description()));
        studyTexts.add(protocol.detailedDescription());
        studyTexts.add(protocol.briefSummary());
        crossover = CrossoverReader.read(studyTexts);
        if (crossover != null) {
            provenance.inferred("design.crossover", "description",
                    "the switch is stated in the study description: \"" + crossover.evidence() + "\"");
            return design.withCrossover(crossover);
        }
        provenance.missing("design.crossover", "a crossover study, but the record does not say when treatments switch");
        return design;
    }

    private static List<String> nonNull(String... values) {
        List<String> list = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                list.add(v);
            }
        }
        return list;
    }
}
