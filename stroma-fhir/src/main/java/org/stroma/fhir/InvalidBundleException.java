package org.stroma.fhir;

/**
 * FHIR input Stroma cannot read: which file, which resource in it (its position and type/id, when known), and what is
 * wrong. Nothing of the input is used when one resource is invalid, so that a screening never rests on part of a
 * patient's record.
 */
public class InvalidBundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String resource;
    private final String problem;

    public InvalidBundleException(String file, String resource, String problem) {
        super(file + (resource == null ? "" : ", " + FhirText.readable(resource)) + ": " + FhirText.readable(problem));
        this.file = file;
        this.resource = resource == null ? null : FhirText.readable(resource);
        this.problem = FhirText.readable(problem);
    }

    /** What is wrong, without the file and resource. */
    public String problem() {
        return problem;
    }

    public String file() {
        return file;
    }

    /** "entry 12 (Observation/abc)", or null when the problem is the file as a whole. */
    public String resource() {
        return resource;
    }
}
