package cn.yichang.edge.kura;

/** Where the gateway is; optional fields are {@code null} when unknown. */
public record KuraPosition(
    double latitude,
    double longitude,
    Double altitude,
    Double precision,
    Double heading,
    Double speed,
    Long timestamp,
    Integer satellites,
    Integer status) {}
