package com.serviceloop.casework;

import java.util.List;
import java.util.Map;

/**
 * The industries the standards' starter library knows, and the case topics each starts with. An
 * outlet type named like an industry ("pharmacy") belongs to it until a manager says otherwise.
 */
final class TopicDefaults {
    static final String GENERIC = "generic";
    static final List<String> INDUSTRIES = List.of("pharmacy", "fashion-retail", "restaurant", "courier", GENERIC);

    /** A default topic: code, English name, Chinese name. */
    record Default(String code, String nameEn, String nameZh) {
    }

    private static final Default ATTITUDE = new Default("ATTITUDE", "Staff attitude", "服务态度");
    private static final Default OTHER = new Default("OTHER", "Other", "其他");

    private static final Map<String, List<Default>> TOPICS = Map.of(
            "pharmacy", List.of(new Default("OUT_OF_STOCK", "Out of stock", "缺货"),
                    new Default("PRESCRIPTION", "Prescription", "处方"),
                    new Default("MEDICATION_ADVICE", "Medication advice", "用药咨询"),
                    new Default("QUEUEING", "Queueing", "排队等候"),
                    new Default("CHECKOUT", "Checkout and payment", "收银结账"), ATTITUDE, OTHER),
            "fashion-retail", List.of(new Default("SIZE_STOCK", "Size or colour out of stock", "尺码颜色缺货"),
                    new Default("FITTING", "Fitting room", "试衣"),
                    new Default("RETURNS", "Returns and exchanges", "退换货"),
                    new Default("QUALITY", "Product quality", "商品质量"),
                    new Default("CHECKOUT", "Checkout and payment", "收银结账"), ATTITUDE, OTHER),
            "restaurant", List.of(new Default("WAITING", "Waiting for a table or a dish", "等位上菜"),
                    new Default("FOOD", "Food quality", "菜品质量"),
                    new Default("HYGIENE", "Cleanliness", "卫生"),
                    new Default("BILL", "Bill and payment", "结账"), ATTITUDE, OTHER),
            "courier", List.of(new Default("LATE_DELIVERY", "Late delivery", "派送延误"),
                    new Default("DAMAGE", "Damaged item", "物品破损"),
                    new Default("LOSS", "Lost item", "丢件"),
                    new Default("PICKUP", "Pick-up", "揽收"),
                    new Default("CHARGES", "Charges", "收费"), ATTITUDE, OTHER),
            GENERIC, List.of(new Default("WAITING", "Waiting", "等候"),
                    new Default("QUALITY", "Quality", "质量"),
                    new Default("PRICE", "Price and payment", "价格与付款"), ATTITUDE, OTHER));

    private TopicDefaults() {
    }

    /** The industry an outlet type is named after, or generic. */
    static String industryNamed(String outletType) {
        return outletType != null && INDUSTRIES.contains(outletType) ? outletType : GENERIC;
    }

    static List<Default> topics(String industry) {
        return TOPICS.getOrDefault(industry, TOPICS.get(GENERIC));
    }
}
