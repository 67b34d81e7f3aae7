@NullMarked
package io.moonknight.shared.web;

import org.jspecify.annotations.NullMarked;
