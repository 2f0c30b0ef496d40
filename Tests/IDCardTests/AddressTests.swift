// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

struct AddressTests {
    @Test(arguments: [
        ("江苏省南京市玄武区中山路100号", "江苏省南京市***"),
        ("北京市东城区东华门街道1号", "北京市***"),
        ("新疆维吾尔自治区乌鲁木齐市天山区", "新疆维吾尔自治区乌鲁木齐市***"),
        ("四川省凉山彝族自治州西昌市", "四川省凉山彝族自治州***"),
        ("西藏自治区阿里地区噶尔县", "西藏自治区阿里地区***"),
        ("广东省东莞市", "广东省东莞市***"),
        ("上海市浦东新区世纪大道市场路", "上海市***"),
        ("南京市公安局玄武分局", "南京市***"),
        ("Flat 3, 12 Queen's Road", "***"),
        ("", ""),
    ])
    func keepsOnlyTheProvinceAndCity(address: String, masked: String) {
        #expect(Address(address).masked == masked)
        #expect(String(reflecting: Address(address)) == masked)
    }

    @Test func additionalAddressDecodesFromUCS2() throws {
        let text = "江苏省南京市鼓楼区北京西路1号"
        var data = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        data += [UInt8](repeating: 0, count: 70 - data.count).enumerated().map { $0.offset % 2 == 0 ? 0x20 : 0 }
        #expect(try Address(additionalAddress: data).revealed == text)
        #expect(throws: IDCardError(.inconsistentPayload)) { try Address(additionalAddress: data.dropLast()) }
        #expect(throws: IDCardError(.inconsistentPayload)) { try Address(additionalAddress: data + [0x20, 0]) }
    }
}
