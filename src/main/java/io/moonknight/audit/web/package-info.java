@NullMarked
package io.moonknight.audit.web;

import org.jspecify.annotations.NullMarked;
