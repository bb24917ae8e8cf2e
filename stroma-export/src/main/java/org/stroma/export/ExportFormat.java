package org.stroma.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.stroma.trial.refusal.InvalidInputException;

/** The standards a trial's data leave in, by the names the command line and the API use. */
public enum ExportFormat {
    /** CDISC ODM 1.3.2: the study's metadata and its clinical data with audit records and signatures. */
    ODM("odm", "CDISC ODM 1.3.2"),
    /** SDTM domains as CDISC Dataset-JSON v1.1 and CSV, with Define-XML 2.1. */
    SDTM("sdtm", "SDTM as Dataset-JSON and CSV, with Define-XML"),
    /** FHIR R4: the study, its subjects, their observations, the products and their chain of custody. */
    FHIR("fhir", "FHIR R4"),
    /** CDISC USDM v4: the protocol as a study definition. */
    USDM("usdm", "CDISC USDM"),
    /** The registry record in API v2 JSON with its results section. */
    CTGOV_V2("ctgov-v2", "ClinicalTrials.gov results (API v2 JSON)"),
    /** De-identified individual participant data for sharing. */
    IPD("ipd", "De-identified participant data");

    private final String name;
    private final String label;

    ExportFormat(String name, String label) {
        this.name = name;
        this.label = label;
    }

    /** Whether the format compares the arms, so that only an unblinded export can be made of a masked trial. */
    public boolean comparesArms() {
        return this == CTGOV_V2;
    }

    /** What the format is, in words. */
    public String label() {
        return label;
    }

    /** The format's name: odm, sdtm, fhir, usdm, ctgov-v2 or ipd. */
    public String formatName() {
        return name;
    }

    /** The format a name stands for, in any case. */
    public static ExportFormat of(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name.equals(n)).findFirst().orElseThrow(() ->
                new InvalidInputException("no export format '" + name + "'; the formats are " + names()));
    }

    public static String names() {
        return Arrays.stream(values()).map(ExportFormat::formatName).collect(Collectors.joining(", "));
    }
}
