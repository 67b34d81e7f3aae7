@NullMarked
package io.moonknight.radius.web;

import org.jspecify.annotations.NullMarked;
