@NullMarked
package io.moonknight.plans.web;

import org.jspecify.annotations.NullMarked;
