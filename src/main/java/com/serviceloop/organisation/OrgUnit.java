package com.serviceloop.organisation;

public record OrgUnit(long id, Long parentId, UnitKind kind, String name, String code, String outletType,
                      String address, String path, int version) {

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }
}
