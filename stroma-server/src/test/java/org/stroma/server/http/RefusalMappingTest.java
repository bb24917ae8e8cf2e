package org.stroma.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stroma.server.app.RequestException;
import org.stroma.store.StaleException;
import org.stroma.trial.conduct.RefusedValue;
import org.stroma.trial.product.CustodyException;
import org.stroma.trial.refusal.ConflictException;
import org.stroma.trial.refusal.InvalidInputException;
import org.stroma.trial.refusal.NotFoundException;

/**
 * The edge maps one family, the refusals, to what the person must fix (400, 404, 409 and the services' own statuses);
 * anything else is Stroma's fault: a 500 that tells nothing of it, whatever its Java type suggests.
 */
class RefusalMappingTest {

    @Test
    void eachKindOfRefusalHasItsStatusAndNamesTheField() {
        ErrorBody invalid = StromaServer.errorBody(new InvalidInputException("baselineWeightKg", "300 kg is not a"
                + " body weight"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.field()).isEqualTo("baselineWeightKg");
        assertThat(invalid.error()).isEqualTo("baselineWeightKg: 300 kg is not a body weight");
        assertThat(StromaServer.errorBody(new RefusedValue("signedAt", "the consent is signed before it is"
                + " given")).status()).isEqualTo(400);
        assertThat(StromaServer.errorBody(new NotFoundException("no study NCT00000000")).status()).isEqualTo(404);
        assertThat(StromaServer.errorBody(new ConflictException("the trial's data was locked")).status())
                .isEqualTo(409);
        assertThat(StromaServer.errorBody(new CustodyException("the label does not match")).status()).isEqualTo(409);
        ErrorBody stale = StromaServer.errorBody(new StaleException("form vitals", 3, "coordinator", null));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.field()).isEqualTo("version");
        assertThat(StromaServer.errorBody(RequestException.forbidden("only the monitor may close a query"))
                .status()).isEqualTo(403);
    }

    @Test
    void anyOtherExceptionIsAnInternalErrorThatTellsNothing() {
        for (RuntimeException fault : new RuntimeException[] {new IllegalArgumentException("For input string: \"x\""),
            new IllegalStateException("a stored event no longer reads"), new NullPointerException()}) {
            ErrorBody body = StromaServer.errorBody(fault);
            assertThat(body.status()).as(fault.toString()).isEqualTo(500);
            assertThat(body.error()).isEqualTo("internal error; the server log has the details");
            assertThat(body.field()).isNull();
        }
    }
}
