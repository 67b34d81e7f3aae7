@NullMarked
package io.moonknight.shared.db;

import org.jspecify.annotations.NullMarked;
