@NullMarked
package io.moonknight.identity.web;

import org.jspecify.annotations.NullMarked;
