package org.stroma.fhir;

import org.hl7.fhir.r4.model.Resource;

/** A resource read from the input, with where it was: the file, its place in the file, and its bundle fullUrl. */
record LocatedResource(String file, String place, Resource resource, String fullUrl) {

    /** "entry 12 (Observation/abc)": how an error names this resource. */
    String name() {
        String id = resource.getIdElement().getIdPart();
        return place + " (" + resource.fhirType() + (id == null ? "" : "/" + id) + ")";
    }

    InvalidBundleException invalid(String problem) {
        return new InvalidBundleException(file, name(), problem);
    }
}
