package org.stroma.simulation.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI's instance validator for R4, offline: the core profiles, value sets and code systems shipped in the R4
 * validation resources; UCUM, the languages, the countries and the like from HAPI's common code systems; value sets
 * expanded in memory. No terminology server is asked, so a code of a system Stroma does not ship — LOINC above all — is
 * reported as unchecked (a warning), not as wrong. Made once: the first validation loads the whole specification.
 */
final class FhirValidation {
    private static FhirValidator validator;

    private FhirValidation() {
    }

    static synchronized FhirValidator validator() {
        if (validator == null) {
            FhirContext context = FhirContext.forR4Cached();
            UnknownCodeSystemWarningValidationSupport unknownSystems = new UnknownCodeSystemWarningValidationSupport(
                    context);
            // a code of a system that is not shipped cannot be judged: said as a warning, and listed by the test
            unknownSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
            ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                    new CommonCodeSystemsTerminologyService(context),
                    new InMemoryTerminologyServerValidationSupport(context),
                    new SnapshotGeneratingValidationSupport(context), unknownSystems);
            FhirInstanceValidator module = new FhirInstanceValidator(chain);
            // the export uses R4's own extensions only: any other is an error
            module.setAnyExtensionsAllowed(false);
            validator = context.newValidator().registerValidatorModule(module);
        }
        return validator;
    }

    /** The errors and fatal errors of a resource, each with where it is. */
    static List<String> errors(String json) {
        return validator().validateWithResult(json).getMessages().stream().filter(FhirValidation::isError)
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
    }

    /** Every message, each with its severity: for reading what the validator left as warnings. */
    static List<String> messages(String json) {
        return validator().validateWithResult(json).getMessages().stream()
                .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage()).toList();
    }

    private static boolean isError(SingleValidationMessage m) {
        return m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL;
    }
}
