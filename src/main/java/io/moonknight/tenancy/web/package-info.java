@NullMarked
package io.moonknight.tenancy.web;

import org.jspecify.annotations.NullMarked;
