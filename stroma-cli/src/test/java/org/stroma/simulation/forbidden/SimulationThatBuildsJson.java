package org.stroma.simulation.forbidden;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A simulation that builds the API's JSON instead of calling the commands: forbidden, kept to show the rule. */
public final class SimulationThatBuildsJson {
    public static ObjectNode released() {
        return JsonNodeFactory.instance.objectNode().put("type", "Released");
    }
}
