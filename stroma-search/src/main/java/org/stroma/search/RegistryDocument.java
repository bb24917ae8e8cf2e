package org.stroma.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.stroma.protocol.CellProduct;
import org.stroma.protocol.Design;
import org.stroma.protocol.Intervention;
import org.stroma.protocol.Location;
import org.stroma.protocol.Phase;
import org.stroma.protocol.Protocol;

/**
 * A registry record as the index holds it. Text fields are analysed (condition, intervention, title, text: the titles,
 * summaries, keywords, conditions and interventions together); keyword fields hold one spelling per value
 * ({@link Keywords}): phase, status, country, design (study type, allocation, model, masking, purpose) and the cell
 * product (cell type, tissue, source, and "any" for every trial of one); the condition concepts and ICD-10 chapters
 * the conditions name ({@link DiseaseAreas}). What a result shows is stored, and what
 * related trials are found by.
 */
final class RegistryDocument {
    static final String ID = "id";
    static final String TITLE = "title";
    static final String CONDITION = "condition";
    static final String INTERVENTION = "intervention";
    static final String TEXT = "text";
    static final String PHASE = "phase";
    static final String STATUS = "status";
    static final String COUNTRY = "country";
    static final String DESIGN = "design";
    static final String CELL = "cell";
    static final String SHOWN_STATUS = "shown_status";
    static final String SHOWN_PHASE = "shown_phase";
    static final String SHOWN_CONDITION = "shown_condition";
    static final String SHOWN_CELL = "shown_cell";
    static final String SHOWN_INTERVENTION = "shown_intervention";
    static final String CONCEPT = "concept";
    static final String AREA = "area";

    private RegistryDocument() {
    }

    /** The document of a record; a record without an NCT id cannot be one (it is an IllegalArgumentException). */
    static Document of(Protocol p) {
        if (p.identification() == null || p.identification().nctId() == null
                || p.identification().nctId().isBlank()) {
            throw new IllegalArgumentException("the record has no NCT number: the index keeps a trial by it");
        }
        Document d = new Document();
        d.add(new StringField(ID, p.identification().nctId(), Field.Store.YES));
        String title = p.identification().briefTitle() != null ? p.identification().briefTitle()
                : p.identification().officialTitle() != null ? p.identification().officialTitle() : "";
        d.add(new TextField(TITLE, title, Field.Store.YES));
        Set<String> concepts = new LinkedHashSet<>();
        for (String condition : p.conditions()) {
            d.add(new TextField(CONDITION, condition, Field.Store.NO));
            d.add(new StoredField(SHOWN_CONDITION, condition));
            concepts.addAll(DiseaseAreas.concepts(condition));
        }
        // stored too: related trials are asked for by them
        concepts.forEach(c -> d.add(new StringField(CONCEPT, c, Field.Store.YES)));
        DiseaseAreas.chapters(concepts).forEach(a -> d.add(new StringField(AREA, a, Field.Store.YES)));
        for (Intervention i : p.interventions()) {
            d.add(new TextField(INTERVENTION, nonNull(i.name()), Field.Store.NO));
            d.add(new StoredField(SHOWN_INTERVENTION, nonNull(i.name())));
            i.otherNames().forEach(name -> d.add(new TextField(INTERVENTION, name, Field.Store.NO)));
        }
        // kept (compressed) so that "related trials" can read a trial's words back
        d.add(new TextField(TEXT, text(p, title), Field.Store.YES));
        Design design = p.design();
        if (design != null) {
            for (Phase phase : design.phases()) {
                d.add(new StringField(PHASE, Keywords.of(phase.name()), Field.Store.NO));
                d.add(new StoredField(SHOWN_PHASE, phase.label()));
            }
            for (Enum<?> value : designValues(design)) {
                d.add(new StringField(DESIGN, Keywords.of(value.name()), Field.Store.NO));
            }
        }
        if (p.status() != null && p.status().overallStatus() != null) {
            d.add(new StringField(STATUS, Keywords.of(p.status().overallStatus().name()), Field.Store.NO));
            d.add(new StoredField(SHOWN_STATUS, p.status().overallStatus().label()));
        }
        Set<String> countries = new LinkedHashSet<>();
        for (Location l : p.locations()) {
            if (l.country() != null && !l.country().isBlank()) {
                countries.add(Keywords.of(l.country()));
            }
        }
        countries.forEach(c -> d.add(new StringField(COUNTRY, c, Field.Store.NO)));
        Set<String> shownCells = new LinkedHashSet<>();
        for (Intervention i : p.interventions()) {
            CellProduct c = i.cellProduct();
            if (c == null) {
                continue;
            }
            d.add(new StringField(CELL, "any", Field.Store.YES));
            List<String> words = new ArrayList<>();
            if (c.source() != null) {
                d.add(new StringField(CELL, Keywords.of(c.source().name()), Field.Store.YES));
                words.add(c.source().label());
            }
            if (c.tissue() != null) {
                d.add(new StringField(CELL, Keywords.of(c.tissue().name()), Field.Store.YES));
                words.add(c.tissue().label());
            }
            if (c.cellType() != null) {
                d.add(new StringField(CELL, Keywords.of(c.cellType().name()), Field.Store.YES));
                words.add(c.cellType().label());
            }
            shownCells.add(words.isEmpty() ? "cells" : String.join(" ", words));
        }
        shownCells.forEach(c -> d.add(new StoredField(SHOWN_CELL, c)));
        return d;
    }

    private static List<Enum<?>> designValues(Design design) {
        List<Enum<?>> values = new ArrayList<>();
        values.add(design.studyType());
        values.add(design.allocation());
        values.add(design.interventionModel());
        values.add(design.primaryPurpose());
        values.add(design.masking() == null ? null : design.masking().level());
        values.removeIf(java.util.Objects::isNull);
        return values;
    }

    private static String text(Protocol p, String title) {
        StringBuilder text = new StringBuilder(title);
        append(text, p.identification().officialTitle());
        append(text, p.identification().acronym());
        append(text, p.briefSummary());
        append(text, p.detailedDescription());
        p.keywords().forEach(k -> append(text, k));
        p.conditions().forEach(c -> append(text, c));
        p.interventions().forEach(i -> {
            append(text, i.name());
            append(text, i.description());
        });
        return text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (part != null && !part.isBlank()) {
            text.append('\n').append(part);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
