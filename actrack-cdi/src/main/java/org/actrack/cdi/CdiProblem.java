package org.actrack.cdi;

import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.actrack.ActrackException;

/**
 * Every problem the CDI integration reports, with its stable code (500–899, see
 * {@code message-ranges.txt}). Definition and deployment errors name the class or method at fault.
 */
enum CdiProblem {
    CONNECTED_NOT_ENTITY(501, "@Connected is on %s, which is not a JPA @Entity"),
    CONNECTED_COMPOSITE_ID(502, "@Connected entity %s has a composite id (%s); actrack refers to entities by a single id"),
    BLANK_VERB(503, "@Actionable on %s has a blank verb"),
    SEVERAL_ACTORS(504, "@Actionable method %s has %d parameters marked @Actionable.Actor; at most one is allowed"),
    BLANK_DATA_KEY(505, "@Actionable method %s has an @Actionable.Data parameter with a blank key"),
    NO_ACTOR(506, "@Actionable method %s has no @Actionable.Actor parameter and the application has no CurrentActor bean"),
    UNKNOWN_LEVEL(507, "@Actionable method %s names the level '%s', which is not one of %s"),
    BLANK_HANDLER_VERB(508, "Action handler %s is qualified @Verb with a blank verb"),
    DUPLICATE_HANDLERS(509, "Several action handlers for the verb '%s': %s; keep one"),
    NO_ENTITY_MANAGER(510, "No EntityManager qualified @ActrackPersistence(\"%s\") is available for persistence unit '%s'; produce one"),
    FLUSH_FAILED(511, "Writing the %d actions queued in this request failed; they are lost"),
    VOID_RETURN_TARGET(512, "@Actionable method %s sets returnValueIsTarget but returns nothing");

    private final String code;
    private final String template;

    CdiProblem(int number, String template) {
        this.code = "ACTRACK-" + number;
        this.template = template;
    }

    String message(Object... arguments) {
        return code + ": " + String.format(template, arguments);
    }

    DefinitionException definitionError(Object... arguments) {
        return new DefinitionException(message(arguments));
    }

    DeploymentException deploymentProblem(Object... arguments) {
        return new DeploymentException(message(arguments));
    }

    ActrackException exception(Object... arguments) {
        return new ActrackException(code, String.format(template, arguments));
    }
}
