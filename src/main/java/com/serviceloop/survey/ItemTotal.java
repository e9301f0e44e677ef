package com.serviceloop.survey;

/**
 * The numeric answers to one kind of question summed over responses: how many there were and their
 * total, per item number, dimension and side (SERVQUAL and the five-gap instruments).
 */
record ItemTotal(Integer itemNo, Dimension dimension, String side, long n, double sum) {
}
