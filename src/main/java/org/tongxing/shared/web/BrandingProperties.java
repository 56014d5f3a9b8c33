package org.tongxing.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The association's name and emblem as every page shows them.
 *
 * @param name the name; when empty, the message {@code branding.name} in the user's
 * language
 * @param emblem the URL of the emblem image
 */
@ConfigurationProperties("tongxing.branding")
public record BrandingProperties(@DefaultValue("") String name, @DefaultValue("/images/emblem.svg") String emblem) {
}
