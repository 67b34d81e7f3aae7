@NullMarked
package io.moonknight.customers.web;

import org.jspecify.annotations.NullMarked;
