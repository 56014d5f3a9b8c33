/**
 * Value types, web layout and i18n helpers, and the embedded database used when no
 * external PostgreSQL is configured. Open to every module; depends on none.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.tongxing.shared;

import org.springframework.modulith.ApplicationModule;
