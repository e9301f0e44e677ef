package com.serviceloop.demo;

import com.serviceloop.customer.Customer.AgeBand;
import com.serviceloop.customer.Customer.Education;
import com.serviceloop.customer.Customer.IncomeBand;
import com.serviceloop.customer.Customer.SocialClass;
import com.serviceloop.customer.CustomerNeed;
import com.serviceloop.customer.FrequencyTier;
import com.serviceloop.customer.ServiceCharacteristic;
import com.serviceloop.customer.ServiceProfileForm;
import com.serviceloop.customer.ServiceProfileForm.Characteristic;
import com.serviceloop.customer.ServiceProfileForm.NeedRating;
import com.serviceloop.customer.ServiceProfileForm.SilhouetteRow;
import com.serviceloop.customer.ServiceProfileService;
import com.serviceloop.customer.ServqualDimension;
import com.serviceloop.organisation.AppUser;
import com.serviceloop.organisation.OrgUnit;
import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.platform.PageRequest;
import com.serviceloop.survey.SurveyBackfill;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The pharmacy chain's service profile: the template for its outlet type, written by the quality
 * manager, and two outlets that adjusted it (a busy downtown shop, a shop among housing estates).
 */
@Component
class DemoProfiles {
    private final ServiceProfileService profiles;
    private final PersonService people;
    private final SurveyBackfill surveys;

    DemoProfiles(ServiceProfileService profiles, PersonService people, SurveyBackfill surveys) {
        this.profiles = profiles;
        this.people = people;
        this.surveys = surveys;
    }

    void load(DemoData.Loaded loaded, String suffix) {
        if (loaded == null) {
            return;
        }
        List<OrgUnit> outlets = loaded.outlets();
        // the visit survey's question on waiting time: customers' own word on the need for time
        long waiting = surveys.questions("post-visit").stream().filter(q -> q.textEn().contains("waiting time"))
                .findFirst().orElseThrow().id();
        profiles.saveTemplate(person("quality.manager" + suffix), outlets.getFirst().outletType(), template(waiting));
        // 南京西路店: office workers at lunch time, younger and better paid than the template assumes
        profiles.saveOutlet(person("manager2" + suffix), outlets.get(1).id(), new ServiceProfileForm(
                "午休二十分钟也能买好药：快速结账、药师简明讲解、预约到店自取。",
                "南京西路商圈的写字楼和商场，工作日中午和傍晚是高峰",
                List.of(AgeBand.AGE_25_34, AgeBand.AGE_35_44), List.of(IncomeBand.MIDDLE, IncomeBand.UPPER_MIDDLE),
                List.of(Education.BACHELOR, Education.POSTGRADUATE), List.of(SocialClass.MIDDLE, SocialClass.UPPER_MIDDLE),
                characteristics(4, 3, 4, 3, 3, 3, 4, 4, 3, "午间高峰两名药师同时接待"),
                List.of(new SilhouetteRow(FrequencyTier.HEAVY, 3, 2, 4, 3, 4),
                        new SilhouetteRow(FrequencyTier.MEDIUM, 4, 3, 4, 3, 4),
                        new SilhouetteRow(FrequencyTier.LIGHT, 5, 3, 3, 4, 4),
                        new SilhouetteRow(FrequencyTier.LAPSED, 4, 4, 2, 3, 3)),
                needs(5, waiting), null));
        // 福田店: many older customers with chronic illnesses from the housing estates around it
        profiles.saveOutlet(person("manager5" + suffix), outlets.get(4).id(), new ServiceProfileForm(
                "慢病顾客的贴心药房：按时提醒续药，耐心讲解用法，老人优先。",
                "福华路周边的老旧小区和社区卫生服务中心，步行十分钟以内",
                List.of(AgeBand.AGE_55_64, AgeBand.AGE_65_PLUS), List.of(IncomeBand.LOW, IncomeBand.LOWER_MIDDLE),
                List.of(), List.of(SocialClass.WORKING, SocialClass.LOWER_MIDDLE),
                characteristics(5, 5, 3, 5, 3, 4, 2, 4, 3, "老人多，讲解时间长，一次只能接待两位"),
                List.of(new SilhouetteRow(FrequencyTier.HEAVY, 5, 3, 5, 4, 5),
                        new SilhouetteRow(FrequencyTier.MEDIUM, 4, 4, 5, 4, 4),
                        new SilhouetteRow(FrequencyTier.LIGHT, 3, 4, 3, 4, 3),
                        new SilhouetteRow(FrequencyTier.LAPSED, 2, 5, 2, 3, 2)),
                needs(4, waiting), null));
    }

    private AppUser person(String username) {
        return people.search(username, PageRequest.of(0, 5)).items().stream()
                .filter(p -> username.equals(p.username())).findFirst().map(Person::asUser).orElseThrow();
    }

    private static ServiceProfileForm template(long waiting) {
        return new ServiceProfileForm(
                "做社区里信得过的用药顾问：常用药齐全，药师把用法讲清楚，十分钟内完成购药。",
                "门店周边步行十五分钟内的居民小区、写字楼和社区医院",
                List.of(AgeBand.AGE_35_44, AgeBand.AGE_45_54, AgeBand.AGE_55_64, AgeBand.AGE_65_PLUS),
                List.of(IncomeBand.LOWER_MIDDLE, IncomeBand.MIDDLE, IncomeBand.UPPER_MIDDLE),
                List.of(Education.SECONDARY, Education.VOCATIONAL, Education.BACHELOR),
                List.of(SocialClass.WORKING, SocialClass.LOWER_MIDDLE, SocialClass.MIDDLE),
                characteristics(4, 4, 4, 4, 3, 3, 3, 4, 3, "一次可同时接待三到四位顾客"),
                List.of(new SilhouetteRow(FrequencyTier.HEAVY, 4, 3, 5, 4, 4),
                        new SilhouetteRow(FrequencyTier.MEDIUM, 4, 3, 4, 4, 4),
                        new SilhouetteRow(FrequencyTier.LIGHT, 4, 4, 3, 3, 3),
                        new SilhouetteRow(FrequencyTier.LAPSED, 3, 5, 2, 3, 3)),
                needs(4, waiting), null);
    }

    /** Scores in the order of {@link ServiceCharacteristic}; the capacity note differs by outlet. */
    private static List<Characteristic> characteristics(int orientation, int interaction, int hours, int location,
                                                        int complexity, int adaptability, int capacity, int training,
                                                        int supervision, String capacityNote) {
        String[] notes = {"以人为主：药师当面询问症状、讲解用法", "顾客与药师、营业员面对面交流",
            "每天 8:00-22:00 营业，夜间有值班电话", "顾客多为到店购买，也可电话预订到店自取",
            "处方审核、医保结算在后台，顾客只看到取药和讲解", "可按顾客需要拆零、代煎、预约",
            capacityNote, "执业药师持证上岗，营业员上岗前培训两周", "店长每天巡店，区域每月稽核"};
        int[] scores = {orientation, interaction, hours, location, complexity, adaptability, capacity, training,
            supervision};
        List<Characteristic> out = new ArrayList<>();
        for (ServiceCharacteristic c : ServiceCharacteristic.values()) {
            out.add(new Characteristic(c, scores[c.ordinal()], notes[c.ordinal()]));
        }
        return out;
    }

    /**
     * The team rates itself generously on time ({@code time}); customers' ratings of the waiting time
     * in the visit survey may say otherwise, as their SERVQUAL answers may for the other needs.
     */
    private static List<NeedRating> needs(int time, long waitingQuestion) {
        return List.of(new NeedRating(CustomerNeed.WELCOME, 5, null, ServqualDimension.EMPATHY, "进门三秒内招呼"),
                new NeedRating(CustomerNeed.RESPECT, 4, null, ServqualDimension.ASSURANCE, "隐私药品单独讲解"),
                new NeedRating(CustomerNeed.TIME, time, waitingQuestion, null, "高峰期排队偏长"),
                new NeedRating(CustomerNeed.HELP, 4, null, ServqualDimension.RESPONSIVENESS, null),
                new NeedRating(CustomerNeed.INFORMATION, 4, null, ServqualDimension.ASSURANCE, "新药上架有提示卡"),
                new NeedRating(CustomerNeed.COMFORT, 3, null, ServqualDimension.TANGIBLES, "休息座椅只有两把"),
                new NeedRating(CustomerNeed.INDIVIDUAL, 4, null, ServqualDimension.EMPATHY, "会员用药记录可查"),
                new NeedRating(CustomerNeed.BENEFIT, 4, null, ServqualDimension.RELIABILITY, null));
    }
}
