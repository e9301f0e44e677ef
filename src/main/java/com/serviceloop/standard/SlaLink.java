package com.serviceloop.standard;

import java.math.BigDecimal;

/**
 * An active standard that governs a case clock, with the target of its version in force. Clock,
 * case type and severity are casework's names (null case type or severity: any).
 */
public record SlaLink(long standardId, String outletType, String behaviour, String clock, String caseType,
                      String severity, BigDecimal targetValue, TargetUnit targetUnit) {
}
