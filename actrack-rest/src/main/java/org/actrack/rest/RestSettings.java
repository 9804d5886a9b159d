package org.actrack.rest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.actrack.SettingKeys;

/** actrack-rest's settings, read once at startup from MicroProfile Config when the runtime has it. */
@ApplicationScoped
class RestSettings {

    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    private boolean enabled;
    private String userAttribute;

    @PostConstruct
    void read() {
        Function<String, Optional<String>> config = configLookup();
        enabled = config.apply(SettingKeys.REST_ENABLED).map(String::strip).map(Boolean::parseBoolean).orElse(true);
        userAttribute = config.apply(SettingKeys.REST_USER_ATTRIBUTE).map(String::strip).orElse("name");
        if (!ATTRIBUTE.matcher(userAttribute).matches()) {
            throw new IllegalArgumentException(SettingKeys.REST_USER_ATTRIBUTE + " must be an attribute path such as 'name' or"
                    + " 'account.login', not '" + userAttribute + "'");
        }
    }

    boolean enabled() {
        return enabled;
    }

    String userAttribute() {
        return userAttribute;
    }

    private static Function<String, Optional<String>> configLookup() {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, RestSettings.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return key -> Optional.empty();
        }
        return MicroProfileConfig.lookup();
    }

    /** Kept apart so that nothing loads MicroProfile Config classes when the runtime lacks them. */
    private static final class MicroProfileConfig {
        static Function<String, Optional<String>> lookup() {
            org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
            return key -> config.getOptionalValue(key, String.class);
        }
    }
}
