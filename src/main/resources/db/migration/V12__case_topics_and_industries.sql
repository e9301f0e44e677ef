-- Case topics: what a case is about (out of stock, prescription, queueing ...), a list per outlet
-- type. An outlet type without rows of its own uses its industry's defaults (see TopicDefaults);
-- editing the list stores the defaults first, then the change. Cases keep the topic's code, so a
-- renamed topic renames every case, and cases recorded before topics existed keep none (NULL).
CREATE TABLE case_topic (
    outlet_type VARCHAR(40)  NOT NULL,
    code        VARCHAR(32)  NOT NULL,
    name_en     VARCHAR(100) NOT NULL,
    name_zh     VARCHAR(100) NOT NULL,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    sort_order  INT NOT NULL DEFAULT 0,
    CONSTRAINT case_topic_pk PRIMARY KEY (outlet_type, code)
);

ALTER TABLE support_case ADD COLUMN topic VARCHAR(32);
-- what the case is about when it is a product: the medicine, the garment, the dish
ALTER TABLE support_case ADD COLUMN product VARCHAR(200);
CREATE INDEX support_case_topic_ix ON support_case (topic, created_at);

-- Failure types per industry: NULL counts in every industry (the ones cases record themselves,
-- unanswered calls, invoice corrections); the parcel-carrier ones become the courier industry's.
-- Codes stay as they were, so every recorded event keeps its type and weight.
ALTER TABLE sqi_failure_type ADD COLUMN industry VARCHAR(40);
UPDATE sqi_failure_type SET industry = 'courier'
WHERE code IN ('PROOF_MISSING', 'MISSED_PICKUP', 'LOST_ITEM', 'DAMAGED_ITEM', 'VEHICLE_LATE', 'OVERLOAD',
               'INTERNATIONAL_ERROR');
INSERT INTO sqi_failure_type (code, name_en, name_zh, weight, sort_order, industry) VALUES
('OUT_OF_STOCK', 'Medicine out of stock', '药品缺货', 5, 20, 'pharmacy'),
('DISPENSING_ERROR', 'Wrong medicine or dose handed out', '发错药或剂量错误', 10, 21, 'pharmacy'),
('EXPIRED_PRODUCT', 'Expired product on sale', '在售商品过期', 10, 22, 'pharmacy'),
('COLD_CHAIN_BREAK', 'Cold chain broken', '冷链中断', 10, 23, 'pharmacy'),
('PRESCRIPTION_UNCHECKED', 'Prescription not checked by a pharmacist', '处方未经药师审核', 5, 24, 'pharmacy'),
('LONG_QUEUE', 'Queue over ten minutes', '排队超过十分钟', 1, 25, 'pharmacy'),
('PRICE_ERROR', 'Wrong price charged', '收费错误', 1, 26, 'pharmacy'),
('SIZE_OUT_OF_STOCK', 'Size or colour out of stock', '尺码或颜色缺货', 1, 30, 'fashion-retail'),
('FITTING_ROOM_WAIT', 'Fitting-room wait over ten minutes', '试衣等候超过十分钟', 1, 31, 'fashion-retail'),
('RETURN_REFUSED', 'Return refused wrongly', '错误拒绝退换', 5, 32, 'fashion-retail'),
('PRICE_TAG_ERROR', 'Price tag wrong', '价签错误', 1, 33, 'fashion-retail'),
('ALTERATION_LATE', 'Alteration not ready in time', '修改衣物未按时完成', 5, 34, 'fashion-retail'),
('WRONG_ORDER', 'Wrong dish served', '上错菜', 5, 40, 'restaurant'),
('SLOW_SERVICE', 'Dish later than the time promised', '上菜超过承诺时间', 1, 41, 'restaurant'),
('FOOD_SAFETY', 'Food safety incident', '食品安全事件', 10, 42, 'restaurant'),
('HYGIENE_FAULT', 'Table or tableware not clean', '餐桌或餐具不洁', 5, 43, 'restaurant'),
('BILL_ERROR', 'Bill wrong', '账单错误', 1, 44, 'restaurant');
