package org.stroma.server.app;

import java.sql.SQLException;
import org.stroma.trial.conduct.RefusedValue;
import org.stroma.trial.refusal.ConflictException;
import org.stroma.trial.refusal.InvalidInputException;

/** A change recorded in the store, whose refusals by the domain come back as the request's refusals. */
interface Recording {
    void run() throws SQLException;

    /**
     * Runs a recording: what conflicts with the trial's state is a 409, a value the domain refuses a 400 naming its
     * field ({@code field} when the domain names none).
     */
    static void refusing(Recording recording, String field) throws SQLException {
        try {
            recording.run();
        } catch (ConflictException e) {
            throw RequestException.conflict(e.getMessage());
        } catch (InvalidInputException e) {
            throw RequestException.badRequest(e instanceof RefusedValue r ? r.value() : field, e.getMessage());
        }
    }
}
